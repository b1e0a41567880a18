package web

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestStudioDecimal(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{{"2,5", 2.5, true}, {"2.5", 2.5, true}, {" 1 200 ", 1200, true}, {"", 0, true}, {"kaksi", 0, false}, {"NaN", 0, false}, {"1,2,3", 0, false}} {
		got, ok := studioDecimal(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("studioDecimal(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if s := formatDecimal(2.5, pokot.Finnish); s != "2,5" {
		t.Errorf("fi: %q", s)
	}
	if s := formatDecimal(2.5, pokot.English); s != "2.5" {
		t.Errorf("en: %q", s)
	}
}

func TestStudioErrField(t *testing.T) {
	for in, want := range map[string]string{
		"title.fi":                       "title-fi",
		"title":                          "title-fi",
		"outcomes[2].criteria.sv":        "outcomes-2-criteria-sv",
		"outcomes[0].skills[3].uri":      "outcomes-0-skills",
		"outcomes[1].occupations[0].uri": "outcomes-1-occupations",
		"assessment[1]":                  "assessment",
		"workload":                       "workload-value",
		"workload.unit":                  "workload-unit",
		"stackability.unit":              "stackability-unit-code",
		"stackability.microcredentialId": "stackability-microcredentialId",
		"partners[0].name":               "partners",
		"contact.email":                  "contact-email",
		"":                               "",
	} {
		if got := errField(in); got != want {
			t.Errorf("errField(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]int{"title.fi": 1, "outcomes[3].text.fi": 2, "workload.value": 3, "grading": 4,
		"price.eur": 5, "stackability.unit.url": 6, "image.alt.fi": 7, "": 0, "unknown": 0} {
		if got := stepOf(in); got != want {
			t.Errorf("stepOf(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestStudioLines(t *testing.T) {
	cs := parseConcepts("http://data.europa.eu/esco/skill/a ohjata asiakkaita\r\n\n  http://data.europa.eu/esco/skill/b  \n")
	if len(cs) != 2 || cs[0].Label[pokot.Finnish] != "ohjata asiakkaita" || cs[1].URI != "http://data.europa.eu/esco/skill/b" || cs[1].Label != nil {
		t.Errorf("parseConcepts: %+v", cs)
	}
	if back := conceptLines(cs); back != "http://data.europa.eu/esco/skill/a ohjata asiakkaita\nhttp://data.europa.eu/esco/skill/b" {
		t.Errorf("conceptLines: %q", back)
	}
	ps := parsePartners("Hoivakoti Oy | kommentoi\n\n | vain rooli\nYritys")
	if len(ps) != 3 || ps[0].Role[pokot.Finnish] != "kommentoi" || ps[1].Name != "" || ps[2].Name != "Yritys" {
		t.Errorf("parsePartners: %+v", ps)
	}
	// A role without a name is kept so that the domain can say the name is missing.
	if err := pokot.ValidateDraft(&pokot.MicrocredentialContent{Partners: ps}); err == nil {
		t.Error("a partner without a name passed validation")
	}
}

func TestStudioLabels(t *testing.T) {
	for _, c := range []struct {
		l          pokot.Lang
		path, want string
	}{
		{pokot.Finnish, "outcomes[1].criteria.sv", "Osaamistavoite 2 · Arviointikriteerit (ruotsiksi)"},
		{pokot.English, "title.fi", "Title (in Finnish)"},
		{pokot.Swedish, "", "Hela beskrivningen"},
		{pokot.Finnish, "workload.unit", "Laajuus · yksikkö"},
	} {
		if got := pathLabel(c.l, c.path); got != c.want {
			t.Errorf("pathLabel(%s, %q) = %q, want %q", c.l, c.path, got, c.want)
		}
	}
	if got := diffValue(pokot.Finnish, "assessment", "test, demonstration"); got != "Koe tai tentti, Näyttö työssä" {
		t.Errorf("diffValue assessment: %q", got)
	}
	if got := diffValue(pokot.Swedish, "workload.value", "2.5"); got != "2,5" {
		t.Errorf("diffValue workload: %q", got)
	}
}

func TestSVGHasScript(t *testing.T) {
	for svg, want := range map[string]bool{
		`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`:                        true,
		`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="1"/></svg>`:                true,
		`<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>`: true,
		`<svg xmlns="http://www.w3.org/2000/svg"><text>Turku on kaunis</text></svg>`:                     false,
		`<svg xmlns="http://www.w3.org/2000/svg"><circle r="4" fill="#1d5a96"/></svg>`:                   false,
	} {
		if got := svgHasScript([]byte(svg)); got != want {
			t.Errorf("svgHasScript(%s) = %v, want %v", svg, got, want)
		}
	}
}
