package certificate_test

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
)

// pok is a micro-credential with every Annex I element, in Finnish with Swedish and
// English titles.
func pok() credential.MicroCredential {
	return credential.MicroCredential{
		ID:          "https://pokot.example.fi/microcredentials/42",
		Title:       credential.LangText{"fi": "Hyvinvointiteknologian perusteet", "sv": "Grunderna i välfärdsteknologi", "en": "Basics of welfare technology"},
		Description: credential.LangText{"fi": "Osaat ottaa käyttöön hyvinvointiteknologiaa ja ohjata asiakasta sen käytössä.", "sv": "Du kan ta i bruk välfärdsteknologi.", "en": "You can introduce welfare technology."},
		LearningOutcomes: []credential.LearningOutcome{
			{Text: credential.LangText{"fi": "Osaat arvioida asiakkaan tarpeen hyvinvointiteknologialle."}, Criteria: credential.LangText{"fi": "Arviointi perustuu tapausesimerkkiin."},
				Skills: []credential.Skill{{URI: "http://data.europa.eu/esco/skill/abc", Label: credential.LangText{"fi": "käyttää terveysteknologiaa"}}}},
			{Text: credential.LangText{"fi": "Osaat ohjata asiakasta ja hänen läheisiään laitteiden käytössä."}},
		},
		Workload:         credential.Workload{Amount: 2.5, Unit: credential.UnitECTS},
		EQFLevel:         6,
		AssessmentTypes:  []string{"portfolio", "demonstration"},
		Participation:    []string{"online", "blended"},
		QualityAssurance: credential.LangText{"fi": "Korkeakoulun auditoitu laatujärjestelmä (Karvi 2024)."},
		AwardingBody: credential.Organization{Name: credential.LangText{"fi": "Esimerkkiammattikorkeakoulu"}, URL: "https://esimerkki.fi",
			Address: credential.Address{CountryCode: "FI", Country: credential.LangText{"fi": "Suomi", "sv": "Finland", "en": "Finland"}}},
		Prerequisites: credential.LangText{"fi": "Sosiaali- tai terveysalan perustutkinto."},
		Supervision:   credential.LangText{"fi": "Valvottu verkossa, henkilöllisyys tarkistettu."},
		Stackability:  credential.LangText{"fi": "Osa geronomikoulutuksen moduulia."},
		MoreInfo:      credential.LangText{"fi": "https://esimerkki.fi/pok/42"},
	}
}

func build(t testing.TB, name string) map[string]any {
	t.Helper()
	doc, err := credential.Build(pok(), credential.Award{
		Learner:    credential.Learner{Email: "maija@example.fi", Name: name, Salt: "salt-not-to-show"},
		IssuedAt:   time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC),
		ValidUntil: time.Date(2031, 3, 5, 10, 0, 0, 0, time.UTC),
		Grade:      "4",
	})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

var (
	streamRE = regexp.MustCompile(`(?s)<<([^>]*?)/Length (\d+) >>\nstream\n`)
	tjRE     = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) Tj`)
)

// streams returns every stream's dictionary and Flate-decoded data.
func streams(t *testing.T, pdf []byte) (dicts []string, data [][]byte) {
	t.Helper()
	for _, m := range streamRE.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		raw := pdf[m[1] : m[1]+n]
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("stream is not Flate data: %v", err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		dicts = append(dicts, string(pdf[m[2]:m[3]]))
		data = append(data, b)
	}
	return dicts, data
}

// text extracts the shown strings of every content stream, decoded from WinAnsi.
func text(t *testing.T, pdf []byte) string {
	t.Helper()
	var out strings.Builder
	_, data := streams(t, pdf)
	for _, d := range data {
		for _, m := range tjRE.FindAllSubmatch(d, -1) {
			out.WriteString(decodeLiteral(m[1]))
			out.WriteByte('\n')
		}
	}
	return out.String()
}

var cp1252 = map[byte]rune{0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—'}

func decodeLiteral(b []byte) string {
	var out []rune
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			i++
			if b[i] >= '0' && b[i] <= '7' {
				v, _ := strconv.ParseUint(string(b[i:i+3]), 8, 8)
				c = byte(v)
				i += 2
			} else {
				c = b[i]
			}
		}
		if r, ok := cp1252[c]; ok {
			out = append(out, r)
		} else {
			out = append(out, rune(c))
		}
	}
	return string(out)
}
