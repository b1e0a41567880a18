package certificate_test

import (
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/exchange/exchangetest"
)

// withExchangeAchievement is a credential whose Achievement is the one issued here
// (exchange.Achievement: ESCO skills and occupations, the ISCED-F field both as
// fieldOfStudy and as an alignment, the EQF level), plus one alignment to another
// framework, as a credential from elsewhere may carry.
func withExchangeAchievement(t *testing.T, dropFieldOfStudy bool) map[string]any {
	t.Helper()
	a, err := exchange.Achievement(exchange.Export{BaseURL: "https://pokot.example.fi", Org: exchangetest.Org(), Version: exchangetest.Version()})
	if err != nil {
		t.Fatal(err)
	}
	delete(a, "@context")
	if dropFieldOfStudy {
		delete(a, "fieldOfStudy")
	}
	a["alignment"] = append(a["alignment"].([]any), map[string]any{
		"type": []any{"Alignment"}, "targetFramework": "Osaamisperusteiden kansallinen luokitus",
		"targetName": "Hyvinvointiteknologian käyttö", "targetUrl": "https://eperusteet.opintopolku.fi/106936",
	})
	doc := build(t, "Maija Meikäläinen")
	doc["credentialSubject"].(map[string]any)["achievement"] = a
	return doc
}

// The field of education (ISCED-F) is not an ESCO skill: it is the "field" element, the
// ESCO skills and occupations are the skills, anything else is listed apart.
func TestReadSortsAlignments(t *testing.T) {
	for _, drop := range []bool{false, true} {
		c := certificate.Read(withExchangeAchievement(t, drop), pokot.Finnish)
		var skills []string
		for _, s := range c.Skills {
			skills = append(skills, s.Name)
		}
		if got := strings.Join(skills, "|"); got != "käyttää hyvinvointiteknologiaa|lähihoitaja" {
			t.Errorf("fieldOfStudy dropped %v: skills = %q, want the ESCO skill and occupation only", drop, got)
		}
		if f := c.Element("field"); f != "0913 Hoitotyö ja kätilötyö" {
			t.Errorf("fieldOfStudy dropped %v: field = %q", drop, f)
		}
		if len(c.Other) != 1 || c.Other[0].Name != "Hyvinvointiteknologian käyttö" || c.Other[0].Framework != "Osaamisperusteiden kansallinen luokitus" {
			t.Errorf("other alignments = %+v", c.Other)
		}
	}
}

// The PDF names the field once, under its own label, and not among the ESCO skills.
func TestPDFSkillsWithoutField(t *testing.T) {
	for _, tc := range []struct {
		lang                        pokot.Lang
		field, name, skills, others string
	}{
		{pokot.Finnish, "Koulutusala", "Hoitotyö ja kätilötyö", "Taidot (ESCO)", "Muut viitekehykset"},
		{pokot.Swedish, "Utbildningsområde", "", "Färdigheter (ESCO)", "Andra referensramar"},
		{pokot.English, "Field of study", "", "Skills (ESCO)", "Other frameworks"},
	} {
		pdf, err := certificate.PDF(withExchangeAchievement(t, false), tc.lang, verifyURL)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(text(t, pdf)), " ")
		if tc.name == "" {
			f, _ := pokot.ISCEDFieldByCode("0913")
			tc.name = f.Name.Get(tc.lang)
		}
		if n := strings.Count(got, tc.name); n != 1 {
			t.Errorf("%s: the field of education %q appears %d times, want once:\n%s", tc.lang, tc.name, n, got)
		}
		i, j := strings.Index(got, tc.skills), strings.Index(got, tc.others)
		if i < 0 || j < i {
			t.Fatalf("%s: labels %q, %q missing or misplaced:\n%s", tc.lang, tc.skills, tc.others, got)
		}
		skillPart := got[i:j]
		if !strings.Contains(skillPart, "lähihoitaja") || strings.Contains(skillPart, tc.name) || strings.Contains(skillPart, "Hyvinvointiteknologian käyttö") {
			t.Errorf("%s: skills part %q", tc.lang, skillPart)
		}
		if !strings.Contains(got, tc.field+" 0913 "+tc.name) {
			t.Errorf("%s: no %q 0913 in:\n%s", tc.lang, tc.field, got)
		}
		if !strings.Contains(got[j:], "Hyvinvointiteknologian käyttö (Osaamisperusteiden kansallinen luokitus)") {
			t.Errorf("%s: other frameworks part %q", tc.lang, got[j:])
		}
	}
}
