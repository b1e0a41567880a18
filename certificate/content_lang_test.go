package certificate_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/exchange/exchangetest"
	"github.com/pokot/pokot/i18n"
)

// issuedFromPOK is a credential as the issuing service makes it: the envelope of
// credential.Build around the Achievement that exchange makes of a published Finnish POK
// (with its supervision:, grading: and stackability: tags).
func issuedFromPOK(t *testing.T) map[string]any {
	t.Helper()
	a, err := exchange.Achievement(exchange.Export{BaseURL: "https://pokot.example.fi", Org: exchangetest.Org(), Version: exchangetest.Version()})
	if err != nil {
		t.Fatal(err)
	}
	delete(a, "@context")
	doc, err := credential.Build(pok(), credential.Award{Learner: credential.Learner{Email: "a@example.fi"}, IssuedAt: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	doc["credentialSubject"].(map[string]any)["achievement"] = a
	return doc
}

// A credential issued from a Finnish POK, read in Swedish and English: the coded values
// (supervision, stackability kind, grading scale, country) are worded in the reader's
// language; the texts the credential has only in Finnish stay Finnish and say so.
func TestReadCodedValuesInReadersLanguage(t *testing.T) {
	doc := issuedFromPOK(t)
	unit := " Hyvinvointiteknologian käyttö (106936) https://eperusteet.opintopolku.fi/#/fi/ammatillinen/3397336/tutkinnonosat/106936"
	for _, tc := range []struct {
		l                                                   pokot.Lang
		supervision, stack, grading, country, title, assess string
	}{
		{pokot.Swedish, "Övervakad på nätet eller på plats med identitetskontroll", "Kan ingå i examensdelen" + unit, "Skala 1–5", "Finland", "Grunderna i vårdrobotik", "Yrkesprov i arbetsuppgifter, Portfolio"},
		{pokot.English, "Supervised online or onsite with identity verification", "Stacks toward the qualification unit" + unit, "Scale 1–5", "Finland", "Basics of care robotics", "Demonstration of skills at work, Portfolio"},
		{pokot.Finnish, "Valvottu verkossa tai paikan päällä, henkilöllisyys tarkistetaan", "Kerryttää tutkinnon osaa" + unit, "Asteikko 1–5", "Suomi", "", "Näyttö työtehtävissä, Portfolio"},
	} {
		c := certificate.Read(doc, tc.l)
		for k, want := range map[string]string{"supervision": tc.supervision, "stackability": tc.stack, "grading": tc.grading, "assessment": tc.assess} {
			if got := c.Element(k); got != want {
				t.Errorf("%s: %s = %q, want %q", tc.l, k, got, want)
			}
		}
		if c.Issuer.Country != tc.country {
			t.Errorf("%s: country %q, want %q", tc.l, c.Issuer.Country, tc.country)
		}
		if tc.title != "" && c.Title != tc.title {
			t.Errorf("%s: title %q, want %q", tc.l, c.Title, tc.title)
		}
		if c.TextLang != "fi" {
			t.Errorf("%s: TextLang %q, want fi", tc.l, c.TextLang)
		}
		for _, e := range c.Elements {
			want := string(tc.l) // worded here
			switch e.Key {
			case "qa", "prerequisites", "more":
				want = "fi" // free text as issued
			case "eqf", "grade":
				want = ""
			}
			if e.Lang != want {
				t.Errorf("%s: element %s (%q) is in %q, want %q", tc.l, e.Key, e.Value, e.Lang, want)
			}
		}
		if c.Element("qa") != "HAMKin laatujärjestelmä (auditoitu 2023)." {
			t.Errorf("%s: qa %q: free text must stay as issued", tc.l, c.Element("qa"))
		}
		if len(c.Outcomes) != 2 || c.Outcomes[0].Text != "Osaat ottaa hoivarobotin käyttöön asiakkaan kotona." {
			t.Errorf("%s: outcomes %+v", tc.l, c.Outcomes)
		}
	}
	en := certificate.Read(doc, pokot.English)
	for _, e := range en.Elements {
		if e.Key == "stackability" && (e.Value != "Stacks toward the qualification unit" || e.Detail != strings.TrimSpace(unit) || e.DetailLang != "fi") {
			t.Errorf("en stackability %+v: the unit stays as issued, in Finnish", e)
		}
	}
	if en.TitleLang != "en" || en.Foreign(en.TitleLang) != "" || en.Foreign(en.TextLang) != "fi" {
		t.Errorf("en: title in %q, foreign %q", en.TitleLang, en.Foreign(en.TextLang))
	}
	if got := en.LangNote(); got != "The credential's content is written in Finnish." {
		t.Errorf("en note %q", got)
	}
	if got := certificate.Read(doc, pokot.Swedish).LangNote(); got != "Kompetensmärkets innehåll är skrivet på finska." {
		t.Errorf("sv note %q", got)
	}
	if fi := certificate.Read(doc, pokot.Finnish); fi.LangNote() != "" || fi.Foreign(fi.TextLang) != "" {
		t.Errorf("fi: a note %q on a page in the credential's own language", fi.LangNote())
	}
}

// A pass/fail grade, given in Finnish, reads in the reader's language (on the PDF too,
// which has no template to translate it).
func TestReadPassFailGrade(t *testing.T) {
	doc, err := credential.Build(pok(), credential.Award{Learner: credential.Learner{Email: "a@example.fi"}, IssuedAt: time.Now(), Grade: "hyväksytty"})
	if err != nil {
		t.Fatal(err)
	}
	for l, want := range map[pokot.Lang]string{pokot.Finnish: "hyväksytty", pokot.Swedish: "godkänd", pokot.English: "pass"} {
		if got := certificate.Read(doc, l).Element("grade"); got != want {
			t.Errorf("%s: grade %q, want %q", l, got, want)
		}
	}
	if got := certificate.Read(build(t, ""), pokot.English).Element("grade"); got != "4" {
		t.Errorf("numeric grade %q", got)
	}
}

// A credential of another issuer, or one issued before the tags: the narrative's values
// show as written, in the credential's language; a narrative worded with one of the
// known values is still translated; a country without a code stays as given.
func TestReadOldCredentialFallsBackToNarrative(t *testing.T) {
	c := certificate.Read(build(t, ""), pokot.English)
	if got := c.Element("supervision"); got != "Valvottu verkossa, henkilöllisyys tarkistettu." {
		t.Errorf("supervision %q", got)
	}
	if got := c.Element("stackability"); got != "Osa geronomikoulutuksen moduulia." {
		t.Errorf("stackability %q", got)
	}
	for _, e := range c.Elements {
		if (e.Key == "supervision" || e.Key == "stackability") && e.Lang != "fi" {
			t.Errorf("%s in %q, want fi", e.Key, e.Lang)
		}
	}
	if c.Element("grading") != "" {
		t.Errorf("grading %q from a credential without a grading tag", c.Element("grading"))
	}

	mc := pok()
	mc.Supervision = credential.CodeNames("supervision", "supervised_no_id")
	mc.Stackability = credential.LangText{"fi": "Itsenäinen kokonaisuus"}
	doc, err := credential.Build(mc, credential.Award{Learner: credential.Learner{Email: "a@example.fi"}, IssuedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	sv := certificate.Read(doc, pokot.Swedish)
	if sv.Element("supervision") != "Övervakad utan identitetskontroll" || sv.Element("stackability") != "Fristående helhet" {
		t.Errorf("untagged known wording: %q / %q", sv.Element("supervision"), sv.Element("stackability"))
	}

	// Only addressCountry, no code (another issuer): as given.
	issuer := doc["issuer"].(map[string]any)
	issuer["address"] = map[string]any{"type": []any{"Address"}, "addressCountry": "Eesti"}
	if got := certificate.Read(doc, pokot.English).Issuer.Country; got != "Eesti" {
		t.Errorf("country %q", got)
	}
	issuer["address"] = map[string]any{"type": []any{"Address"}, "addressCountry": "Ruotsi", "addressCountryCode": "se"}
	if got := certificate.Read(doc, pokot.English).Issuer.Country; got != "Sweden" {
		t.Errorf("country %q", got)
	}
	// A malformed inLanguage is no language.
	ach := doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
	ach["inLanguage"] = `fi"><script>`
	if c := certificate.Read(doc, pokot.English); c.TextLang != "" || c.LangNote() != "" {
		t.Errorf("malformed inLanguage read as %q", c.TextLang)
	}
	ach["inLanguage"] = "de"
	if got := certificate.Read(doc, pokot.Finnish).LangNote(); got != "Osaamismerkin sisältö on kirjoitettu myöntäjän kielellä (saksa)." {
		t.Errorf("de note %q", got)
	}
}

// The English PDF of a Finnish credential says its content is in Finnish and tags the
// Finnish texts with their language; the Finnish PDF does neither.
func TestPDFMarksLanguageOfParts(t *testing.T) {
	doc := issuedFromPOK(t)
	en, err := certificate.PDF(doc, pokot.English, "https://pokot.example.fi/verify/x")
	if err != nil {
		t.Fatal(err)
	}
	if s := text(t, en); !strings.Contains(s, i18n.T(pokot.English, "credlang.note.fi")) {
		t.Errorf("no language note in the English PDF:\n%s", s)
	}
	if !bytes.Contains(en, []byte("/S /P /P")) || !bytes.Contains(en, []byte("/Lang (fi) >>")) {
		t.Error("no structure element with /Lang (fi)")
	}
	_, data := streams(t, en)
	all := bytes.Join(data, nil)
	for _, span := range []string{"Hyvinvointiteknologian", "HAMKin", "Opiskelija valmistelee"} { // the unit, a value, a criterion
		if !regexp.MustCompile(`/Span <</Lang \(fi\)>> BDC\nBT [^\n]*\(` + span).Match(all) {
			t.Errorf("no Finnish span around %q", span)
		}
	}
	for _, plain := range []string{"Stacks toward", "Assessment criteria"} {
		if regexp.MustCompile(`/Span <</Lang \(fi\)>> BDC\nBT [^\n]*\(` + plain).Match(all) {
			t.Errorf("%q is marked as Finnish", plain)
		}
	}
	fi, err := certificate.PDF(doc, pokot.Finnish, "https://pokot.example.fi/verify/x")
	if err != nil {
		t.Fatal(err)
	}
	_, data = streams(t, fi)
	if bytes.Contains(fi, []byte("/Lang (fi) >>")) || bytes.Contains(bytes.Join(data, nil), []byte("/Span")) ||
		strings.Contains(text(t, fi), "suomeksi") {
		t.Error("the Finnish PDF marks Finnish as another language")
	}
}
