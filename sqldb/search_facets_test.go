package sqldb_test

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestSearchDisjunctiveFacets checks that the facet counts of a filter in use are those of
// the same search without that filter (so the other values keep their counts), and that
// the counts of every other facet are those of the results.
func TestSearchDisjunctiveFacets(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	units := []pokot.WorkloadUnit{pokot.UnitOSP, pokot.UnitOP, pokot.UnitHours}
	for i := 0; i < 12; i++ {
		c := mcContent(fmt.Sprintf("Hoivarobotiikan perusteet %d", i), "", "")
		if i%3 == 0 {
			c.Title["fi"] = fmt.Sprintf("Puurakentamisen työpaja %d", i)
			c.ISCEDField = "0732"
		}
		c.EQFLevel = 3 + i%3
		c.Workload = pokot.Workload{Value: float64(1 + i), Unit: units[i%3]}
		c.Languages = []string{"fi", "sv", "en"}[:1+i%3]
		c.Participation = []pokot.ParticipationForm{pokot.ParticipationForms[i%len(pokot.ParticipationForms)]}
		c.Price.Jotpa = i%4 == 0
		if i%5 == 0 {
			c.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit,
				Unit: pokot.QualificationUnit{Code: "106936", Name: pokot.Text{"fi": "Tutkinnon osa"}}}
		}
		org := w.org.ID
		if i%2 == 1 {
			org = w.other.ID
		}
		w.publish(t, org, c)
	}
	skill := "http://data.europa.eu/esco/skill/0a1b2c3d-1111-4222-8333-444455556666"
	// Each case drops one filter at a time: drop[f] clears the filter of facet f.
	drop := map[string]func(q *pokot.CatalogQuery){
		pokot.FacetLevel:         func(q *pokot.CatalogQuery) { q.Level = 0 },
		pokot.FacetField:         func(q *pokot.CatalogQuery) { q.Field = "" },
		pokot.FacetUnit:          func(q *pokot.CatalogQuery) { q.Unit, q.Min, q.Max = "", 0, 0 },
		pokot.FacetOrg:           func(q *pokot.CatalogQuery) { q.Org = 0 },
		pokot.FacetJotpa:         func(q *pokot.CatalogQuery) { q.Jotpa = false },
		pokot.FacetStackable:     func(q *pokot.CatalogQuery) { q.StackableToQualification = false },
		pokot.FacetLanguage:      func(q *pokot.CatalogQuery) { q.Language = "" },
		pokot.FacetParticipation: func(q *pokot.CatalogQuery) { q.Participation = "" },
		pokot.FacetSkill:         func(q *pokot.CatalogQuery) { q.Skill = "" },
	}
	inUse := func(q pokot.CatalogQuery, f string) bool {
		p := q
		drop[f](&p)
		return p != q
	}
	queries := []pokot.CatalogQuery{
		{Level: 4},
		{Level: 4, Org: w.org.ID},
		{Q: "robotiikka", Level: 5, Language: "sv"},
		{Q: "perusteet", Unit: pokot.UnitOSP, Min: 2, Max: 9, Field: "09"},
		{Field: "073", Jotpa: true},
		{StackableToQualification: true, Participation: pokot.ParticipationForms[0], Skill: skill},
		{Language: "en", Level: 9}, // no results, yet the other levels keep their counts
		{Q: "työpaja", Org: w.other.ID, Level: 3, Language: "fi", Unit: pokot.UnitOP},
	}
	for _, q := range queries {
		res, err := db.Search(ctx, q)
		must(t, err)
		for f := range drop {
			if !inUse(q, f) {
				continue
			}
			wider := q
			drop[f](&wider)
			other, err := db.Search(ctx, wider)
			must(t, err)
			if got, want := sorted(res.Facets[f]), sorted(other.Facets[f]); !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: facet %s in use counts %v, the search without it %v", q, f, got, want)
			}
		}
		// The other facets count the results: a search with each value added agrees.
		for f, cs := range res.Facets {
			if inUse(q, f) || f == pokot.FacetSkill {
				continue
			}
			for _, c := range cs {
				narrow := q
				if !setFacet(&narrow, f, c.Value) {
					continue
				}
				n, err := db.Search(ctx, narrow)
				must(t, err)
				if n.Total != c.Count {
					t.Errorf("%+v: facet %s=%s counts %d, the search with it gives %d", q, f, c.Value, c.Count, n.Total)
				}
			}
		}
	}
	// A yes/no filter in use counts its results.
	res, err := db.Search(ctx, pokot.CatalogQuery{Jotpa: true, Level: 3})
	must(t, err)
	if res.Total == 0 || facet(res, pokot.FacetJotpa, "true") != res.Total {
		t.Errorf("jotpa in use: total %d, facet %v", res.Total, res.Facets[pokot.FacetJotpa])
	}
	// A level in use leaves the other levels visible with their counts.
	res, err = db.Search(ctx, pokot.CatalogQuery{Level: 4})
	must(t, err)
	if facet(res, pokot.FacetLevel, "3") != 4 || facet(res, pokot.FacetLevel, "4") != 4 || facet(res, pokot.FacetLevel, "5") != 4 || res.Total != 4 {
		t.Errorf("level 4: total %d, levels %v", res.Total, res.Facets[pokot.FacetLevel])
	}
}

func sorted(cs []pokot.FacetCount) []pokot.FacetCount {
	out := append([]pokot.FacetCount(nil), cs...)
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// setFacet narrows q to one value of a facet whose filter takes it as is.
func setFacet(q *pokot.CatalogQuery, f, v string) bool {
	switch f {
	case pokot.FacetLevel:
		fmt.Sscan(v, &q.Level)
	case pokot.FacetField:
		q.Field = v
	case pokot.FacetUnit:
		q.Unit = pokot.WorkloadUnit(v)
	case pokot.FacetOrg:
		fmt.Sscan(v, &q.Org)
	case pokot.FacetJotpa:
		q.Jotpa = true
	case pokot.FacetStackable:
		q.StackableToQualification = true
	case pokot.FacetLanguage:
		q.Language = v
	case pokot.FacetParticipation:
		q.Participation = pokot.ParticipationForm(v)
	default:
		return false
	}
	return true
}
