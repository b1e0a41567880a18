package web_test

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/pokot/pokot"
)

// benchTopics are the subjects of the benchmark's POKs: Finnish words in several
// inflections, so that the stemmed search has real work to do.
var benchTopics = []struct{ fi, sv, en, field string }{
	{"Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics", "0913"},
	{"Lähihoitajan lääkehoito", "Närvårdarens läkemedelsbehandling", "Medication for practical nurses", "0913"},
	{"Robottihitsaus", "Robotsvetsning", "Robot welding", "0715"},
	{"Tietomallinnus työmaalla", "Informationsmodellering på byggplatsen", "Building information modelling on site", "0732"},
	{"Asiakaspalvelu matkailussa", "Kundservice inom turismen", "Customer service in tourism", "1015"},
	{"Sähköautojen huolto", "Service av elbilar", "Servicing electric cars", "0716"},
	{"Ikääntyneiden kotihoito", "Hemvård för äldre", "Home care for older people", "0921"},
	{"Verkkokaupan markkinointi", "Marknadsföring för e-handel", "Marketing for online shops", "0414"},
	{"Ravintolan hygieniaosaaminen", "Hygienkunskap i restaurang", "Restaurant hygiene", "1013"},
	{"Puurakentamisen työturvallisuus", "Arbetssäkerhet i träbyggande", "Safety in timber construction", "0732"},
}

// BenchmarkCatalogPage measures whole catalogue requests through the handler (session,
// language, search on SQLite, facets, template) with 200 published POKs: browsing, a
// Finnish word search, searches with filters, and a POK's page. The load test
// (scripts/loadtest-catalog.sh) measures the same pages on the real server.
func BenchmarkCatalogPage(b *testing.B) {
	w := newCatalogWorld(b)
	var first *pokot.Microcredential
	for i := 0; i < 200; i++ {
		tp := benchTopics[i%len(benchTopics)]
		o := w.hamk
		if i%3 == 0 {
			o = w.omnia
		}
		unit := []pokot.WorkloadUnit{pokot.UnitOSP, pokot.UnitOP, pokot.UnitHours}[i%3]
		c := pokVariant(fmt.Sprintf("%s %d", tp.fi, i), fmt.Sprintf("%s %d", tp.sv, i), fmt.Sprintf("%s %d", tp.en, i),
			tp.field, 3+i%3, pokot.Workload{Value: float64(1 + i%15), Unit: unit}, []string{"fi", "sv", "en"}[:1+i%3]...)
		m := w.published(o, c)
		if first == nil {
			first = m
		}
	}
	// The "-fresh" cases add a parameter that the page ignores but that makes every URL new,
	// so that each request searches and renders (the page cache never hits); the others
	// repeat one URL, as popular searches do, and mostly measure the page cache.
	for _, c := range []struct {
		name, path string
		fresh      bool
	}{
		{"browse", "/microcredentials", false},
		{"browse-fresh", "/microcredentials?", true},
		{"query", "/microcredentials?q=robotiikka", false},
		{"query-fresh", "/microcredentials?q=robotiikka", true},
		{"filtered-fresh", "/microcredentials?q=hoito&level=4&unit=osp", true},
		// Four filters in use: each filter's counts are those without it, from the one search.
		{"four-filters-fresh", "/microcredentials?level=4&unit=osp&language=fi&participation=online", true},
		{"pok", pokPath(first), false},
	} {
		b.Run(c.name, func(b *testing.B) {
			br := w.browser()
			br.get(c.path) // the CSRF cookie, as a returning visitor has it
			n := 0
			for b.Loop() {
				path := c.path
				if c.fresh {
					n++
					path += "&n=" + strconv.Itoa(n)
				}
				r := br.get(path)
				if r.StatusCode != http.StatusOK {
					b.Fatalf("status %d", r.StatusCode)
				}
			}
		})
	}
}
