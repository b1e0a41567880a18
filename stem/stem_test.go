package stem_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pokot/pokot/stem"
)

// The Finnish and English pairs are from the sample vocabularies published with the
// Snowball algorithms (snowballstem.org/algorithms/finnish/stemmer.html and
// …/english/stemmer.html, BSD licence).
var finnishSample = `edeltäjien edeltäj|edeltäjiensä edeltäjie|edeltäjiinsä edeltäj|edeltäjistään edeltäj|edeltäjiä edeltäj|
edeltäjiään edeltäjiä|edeltäjä edeltäj|edeltäjälleen edeltäj|edeltäjän edeltäj|edeltäjäni edeltäj|edeltäjänsä edeltäj|
edeltäjänä edeltäj|edeltäjässä edeltäj|edeltäjästä edeltäj|edeltäjästään edeltäj|edeltäjät edeltäj|edeltäjää edeltäj|
edeltäjään edeltäj|edeltäjäänsä edeltäj|edeltäneelle edeltän|edeltäneellä edeltän|edeltäneeltä edeltän|edeltäneen edeltän|
edeltäneenä edeltän|edeltäneeseen edeltän|edeltäneessä edeltän|edeltäneestä edeltän|edeltäneet edeltän|
edeltäneiden edeltän|edeltäneissä edeltän|edeltäneitä edeltän|edeltänyt edeltäny|edeltänyttä edeltänyt|
edeltävien edeltäv|edeltäviin edeltäv|edeltävinä edeltäv|edeltävissä edeltäv|edeltävä edeltäv|edeltävälle edeltäv|
innostua innostu|innostuessaan innostue|innostui innostui|innostuimme innostui|innostuin innostu|innostuisi innostui|
innostuisivat innostuisiv|innostuivat innostuiv|innostukseen innostuks|innostuksella innostuks|innostuksen innostuks|
innostuksensa innostuks|innostuksessaan innostuks|innostumaan innostum|innostuminen innostumin|innostun innostu|
innostuneelle innostun|innostuneempia innostun|innostuneen innostun|innostuneesti innostun|innostuneisuus innostuneisuus|
innostunut innostunu|innostunutta innostunut|innostus innostus|innostusta innostu|innostustaan innostu|innostutaan innostu`

var englishSample = `consign consign|consigned consign|consigning consign|consignment consign|consist consist|consisted consist|
consistency consist|consistent consist|consistently consist|consisting consist|consists consist|consolation consol|
consolations consol|consolatory consolatori|console consol|consoled consol|consoles consol|consolidate consolid|
consolidated consolid|consolidating consolid|consoling consol|consolingly consol|consols consol|consonant conson|
conspicuous conspicu|conspicuously conspicu|conspiracy conspiraci|conspirator conspir|conspire conspir|conspiring conspir|
constable constabl|constance constanc|constancy constanc|constant constant|knackeries knackeri|kneaded knead|
kneeling kneel|knees knee|knightly knight|knitted knit|knitting knit|knives knive|skies sky|dying die|generously generous`

// The Swedish pairs follow the algorithm's rules by hand: main suffixes in R1 (never
// before the fourth letter), consonant pairs, -lig/-ig/-els, -löst, -fullt.
var swedishSample = `klokheten klok|klokhet klok|vårdarens vård|robotiken robotik|sjuksköterskor sjukskötersk|
sjuksköterska sjukskötersk|äldreomsorgen äldreomsorg|byggnader byggnad|byggande bygg|trygghetslöst trygghetslös|
kärleksfullt kärleksfull|hemlig hem|kött kött|katt katt|kattens katt|bokens bok|hus hus|husen hus`

func pairs(t *testing.T, s string) [][2]string {
	var ps [][2]string
	for _, p := range strings.Split(s, "|") {
		f := strings.Fields(p)
		if len(f) != 2 {
			t.Fatalf("bad pair %q", p)
		}
		ps = append(ps, [2]string{f[0], f[1]})
	}
	return ps
}

func TestStemmers(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func(string) string
		list string
	}{{"fi", stem.Finnish, finnishSample}, {"en", stem.English, englishSample}, {"sv", stem.Swedish, swedishSample}} {
		for _, p := range pairs(t, c.list) {
			if got := c.f(p[0]); got != p[1] {
				t.Errorf("%s: %s → %q, want %q", c.name, p[0], got, p[1])
			}
		}
	}
}

// TestCatalogueExamples pins the examples the catalogue search must honour: the stem of
// the query is a substring of the stem of the inflected or compound word.
func TestCatalogueExamples(t *testing.T) {
	for _, c := range []struct{ lang, query, text string }{
		{"fi", "robotiikka", "Hoivarobotiikan perusteet"},
		{"fi", "hoitaja", "Lähihoitajan lääkehoidon täydennyskoulutus"},
		{"fi", "lääkehoito", "Lähihoitajan lääkehoidon täydennyskoulutus"},
		{"fi", "rakentaminen", "Puurakentamisen perusteet"},
		{"fi", "hitsaus", "Robottihitsauksen perusteet"},
		{"fi", "osaaminen", "Digitaalisen osaamisen kehittäminen"},
		{"fi", "koulutus", "Täydennyskoulutukset"},
		{"sv", "sjuksköterska", "Fortbildning för sjuksköterskor"},
		{"sv", "robotik", "Grunderna i vårdrobotiken"},
		{"en", "robot", "Care robotics basics"},
		{"en", "nurse", "Nursing and medication"},
	} {
		text := stem.Text(c.lang, c.text)
		found := false
		for _, q := range stem.Query(c.query, "fi", "sv", "en")[0] {
			found = found || strings.Contains(text, q)
		}
		if !found {
			t.Errorf("%s: %q → %q not in %q", c.lang, c.query, stem.Query(c.query, "fi", "sv", "en"), text)
		}
	}
	if text := stem.Text("fi", "Hoivarobotiikan perusteet"); strings.Contains(text, stem.Finnish("hitsaus")) {
		t.Error("unrelated word matched")
	}
}

func TestTextAndQuery(t *testing.T) {
	if got := stem.Text("fi", "  Hoivarobotiikan, perusteet!  2026"); got != "hoivarobotiik perust 2026" {
		t.Errorf("Text = %q", got)
	}
	got := stem.Query("Robotiikka nurses", "fi", "sv", "en")
	want := [][]string{{"roboti"}, {"nurs"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Query = %q, want %q", got, want)
	}
	if got := stem.Query("hoitaja lääkehoito", "fi", "sv", "en"); !reflect.DeepEqual(got, [][]string{{"hoitaj"}, {"lääkehoi"}}) {
		t.Errorf("Query = %q", got)
	}
	if stem.Word("de", "Häuser") != "Häuser" || stem.English("at") != "at" || stem.Swedish("ö") != "ö" || stem.Finnish("") != "" {
		t.Error("short words and other languages must pass through")
	}
}
