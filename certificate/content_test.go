package certificate_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	"github.com/pokot/pokot/credential"
)

func TestReadAnnexElements(t *testing.T) {
	c := certificate.Read(build(t, "Maija Meikäläinen"), pokot.Finnish)
	want := map[string]string{
		"workload":      "2,5 op (opintopiste, ECTS)",
		"eqf":           "6",
		"assessment":    "Portfolio, Näyttö työtehtävissä",
		"participation": "Verkossa, Monimuoto",
		"qa":            "Korkeakoulun auditoitu laatujärjestelmä (Karvi 2024).",
		"grade":         "4",
		"prerequisites": "Sosiaali- tai terveysalan perustutkinto.",
		"supervision":   "Valvottu verkossa, henkilöllisyys tarkistettu.",
		"stackability":  "Osa geronomikoulutuksen moduulia.",
		"more":          "https://esimerkki.fi/pok/42",
	}
	for k, v := range want {
		if got := c.Element(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if c.Title != "Hyvinvointiteknologian perusteet" || c.LearnerName != "Maija Meikäläinen" ||
		c.Issuer.Name != "Esimerkkiammattikorkeakoulu" || c.Issuer.Country != "Suomi" || c.Issuer.URL != "https://esimerkki.fi" {
		t.Errorf("content = %+v", c)
	}
	if !c.Issued.Equal(time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)) || !c.ValidUntil.Equal(time.Date(2031, 3, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("dates %v %v", c.Issued, c.ValidUntil)
	}
	if len(c.Outcomes) != 2 || c.Outcomes[0].Criteria != "Arviointi perustuu tapausesimerkkiin." || c.Outcomes[1].Criteria != "" {
		t.Errorf("outcomes = %+v", c.Outcomes)
	}
	if len(c.Skills) != 1 || c.Skills[0].Name != "käyttää terveysteknologiaa" {
		t.Errorf("skills = %+v", c.Skills)
	}
	b, _ := json.Marshal(c)
	if strings.Contains(string(b), "salt-not-to-show") || strings.Contains(string(b), "sha256$") || strings.Contains(string(b), "maija@") {
		t.Errorf("the content exposes the learner's hash, salt or address: %s", b)
	}
	var hashed bool
	for _, id := range c.Identifiers {
		hashed = hashed || (id.Type == "emailAddress" && id.Hashed && id.Value == "")
	}
	if !hashed {
		t.Errorf("identifiers = %+v", c.Identifiers)
	}
}

// A Swedish credential read on a Finnish page: the headings of its narrative are Swedish,
// the codes still become Finnish words.
func TestReadOtherLanguageCredential(t *testing.T) {
	mc := pok()
	mc.Language = "sv"
	mc.QualityAssurance = credential.LangText{"sv": "Granskat kvalitetssystem."}
	doc, err := credential.Build(mc, credential.Award{Learner: credential.Learner{Email: "a@example.fi"}, IssuedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	c := certificate.Read(doc, pokot.Finnish)
	if c.Title != "Hyvinvointiteknologian perusteet" { // from achievement.related
		t.Errorf("title = %q", c.Title)
	}
	if c.Element("qa") != "Granskat kvalitetssystem." || c.Element("participation") != "Verkossa, Monimuoto" {
		t.Errorf("elements = %+v", c.Elements)
	}
	if c.LearnerName != "" {
		t.Errorf("learner name %q from a credential without one", c.LearnerName)
	}
}

func TestReadJWTPayloadAndOddShapes(t *testing.T) {
	inner := build(t, "")
	c := certificate.Read(map[string]any{"iss": "did:key:z", "vc": inner}, pokot.English)
	if c.Title != "Basics of welfare technology" {
		t.Errorf("vc claim: title %q", c.Title)
	}
	for _, doc := range []map[string]any{
		nil,
		{},
		{"credentialSubject": "x", "issuer": 5, "validFrom": "yesterday"},
		{"credentialSubject": []any{map[string]any{"achievement": map[string]any{"name": map[string]any{"fi": "Nimi"}, "tag": "creditUnit:h", "creditsAvailable": "3", "alignment": 1}}}},
		{"credentialSubject": map[string]any{"identifier": []any{5, map[string]any{"identityType": "name", "hashed": "no"}}}},
	} {
		certificate.Read(doc, pokot.Finnish) // must not panic
	}
	c = certificate.Read(map[string]any{"credentialSubject": []any{map[string]any{"achievement": map[string]any{"name": map[string]any{"fi": "Nimi"}}}}}, pokot.Finnish)
	if c.Title != "Nimi" {
		t.Errorf("language map title = %q", c.Title)
	}
}

func TestReadImageSchemes(t *testing.T) {
	for img, want := range map[string]string{
		"https://example.fi/badge.png":         "https://example.fi/badge.png",
		"http://example.fi/badge.png":          "",
		"javascript:alert(1)":                  "",
		"data:text/html;base64,PHNjcmlwdD4=":   "",
		"data:image/png;base64,iVBORw0KGgo=":   "data:image/png;base64,iVBORw0KGgo=",
		"data:image/svg+xml;base64,PHN2Zy8+==": "data:image/svg+xml;base64,PHN2Zy8+==",
	} {
		doc := build(t, "")
		doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["image"] = map[string]any{"id": img, "type": "Image"}
		if got := certificate.Read(doc, pokot.Finnish).Image; got != want {
			t.Errorf("image %q read as %q, want %q", img, got, want)
		}
	}
}

// FuzzPDF feeds arbitrary JSON to Read and PDF: neither may panic.
func FuzzPDF(f *testing.F) {
	seed, _ := json.Marshal(build(f, "Åsa"))
	f.Add(seed)
	f.Add([]byte(`{"credentialSubject":{"achievement":{"name":"x","creditsAvailable":1e308,"tag":["creditUnit:ects"]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc map[string]any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		certificate.Read(doc, pokot.Swedish)
		certificate.PDF(doc, pokot.Finnish, "https://pokot.example.fi/v/1")
	})
}
