package certificate_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
)

// A fact too long to stand beside its label on one page is laid out as a paragraph that
// still marks the language of each part: in the English PDF the Finnish unit name of a very
// long stackability value is a Finnish span, and the English words before it are not.
func TestPDFLongFactKeepsLanguageOfParts(t *testing.T) {
	const unit = "Hyvinvointiteknologian käyttö (106936)"
	b, err := json.Marshal(issuedFromPOK(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), unit) {
		t.Fatalf("the fixture has no unit %q", unit)
	}
	// Capitals are wide: some 2,200 of them wrap to more lines than a page holds.
	long := unit + strings.Repeat(" HYVINVOINTITEKNOLOGIAN KÄYTTÖ KOTIHOIDOSSA JA PALVELUASUMISESSA", 35)
	var doc map[string]any
	if err := json.Unmarshal([]byte(strings.Replace(string(b), unit, long, 1)), &doc); err != nil {
		t.Fatal(err)
	}
	c := certificate.Read(doc, pokot.English)
	if got := c.Element("stackability"); !strings.HasPrefix(got, "Stacks toward the qualification unit "+unit+" HYVIN") {
		t.Fatalf("stackability %q", got)
	}
	en, err := certificate.PDF(doc, pokot.English, "https://pokot.example.fi/verify/x")
	if err != nil {
		t.Fatal(err)
	}
	_, data := streams(t, en)
	all := strings.Join(func() []string {
		s := make([]string, len(data))
		for i, d := range data {
			s[i] = string(d)
		}
		return s
	}(), "")
	span := `/Span <</Lang \(fi\)>> BDC\nBT [^\n]*\(`
	if !regexp.MustCompile(span + `Hyvinvointiteknologian`).MatchString(all) {
		t.Error("the long unit name is not marked as Finnish")
	}
	if n := len(regexp.MustCompile(span+`[^\n]*HYVINVOINTITEKNOLOGIAN`).FindAllString(all, -1)); n < 20 {
		t.Errorf("%d Finnish spans with the rest of the unit name, want one per line", n)
	}
	if regexp.MustCompile(span + `[^\n]*Stacks toward`).MatchString(all) {
		t.Error("the English words are marked as Finnish")
	}
	if !strings.Contains(all, "(Stacks toward") {
		t.Error("the English words are missing")
	}
	var label string
	for _, e := range c.Elements {
		if e.Key == "stackability" {
			label = e.Label
		}
	}
	if label == "" || !strings.Contains(all, "("+label+":)") {
		t.Errorf("the label %q is missing", label)
	}
}
