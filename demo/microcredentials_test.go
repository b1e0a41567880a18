package demo_test

import (
	"context"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/demo"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestSeedMicrocredentials(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.New(t)
	if _, err := demo.SeedWith(ctx, db, cheap); err != nil {
		t.Fatal(err)
	}
	n, err := demo.SeedMicrocredentials(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Fatalf("published %d POKs, want at least 30", n)
	}
	r, err := db.Search(ctx, pokot.CatalogQuery{PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != n || len(r.Facets[pokot.FacetOrg]) != 5 || len(r.Facets[pokot.FacetField]) < 6 {
		t.Fatalf("catalogue: %d POKs, orgs %v, fields %v", r.Total, r.Facets[pokot.FacetOrg], r.Facets[pokot.FacetField])
	}
	levels := map[int]bool{}
	for _, it := range r.Items {
		c := it.Content
		levels[c.EQFLevel] = true
		if c.Title["sv"] == "" || c.Title["en"] == "" || c.Description["sv"] == "" || c.Description["en"] == "" {
			t.Errorf("%s: missing a translation", c.Title["fi"])
		}
		if c.Workload.Value <= 0 || c.Workload.Unit == "" || c.EQFLevel < 4 || c.EQFLevel > 6 {
			t.Errorf("%s: workload %v level %d", c.Title["fi"], c.Workload, c.EQFLevel)
		}
		for _, ch := range pokot.Quality(&c, pokot.QualityContext{OrgCountry: "FI"}) {
			if !ch.OK && ch.Severity == pokot.SeverityError {
				t.Errorf("%s: quality error %s", c.Title["fi"], ch.ID)
			}
		}
	}
	if len(levels) < 3 || len(r.Facets[pokot.FacetStackable]) == 0 || len(r.Facets[pokot.FacetJotpa]) == 0 {
		t.Errorf("levels %v, stackable %v, jotpa %v", levels, r.Facets[pokot.FacetStackable], r.Facets[pokot.FacetJotpa])
	}
	// The examples work on the demo catalogue; drafts stay out of it.
	for q, want := range map[string]string{"robotiikka": "Hoivarobotiikan perusteet", "hoitaja": "Lähihoitajan lääkehoidon täydennyskoulutus",
		"sjuksköterska": "", "welding": "Robottihitsauksen perusteet", "kaivos": ""} {
		r, err := db.Search(ctx, pokot.CatalogQuery{Q: q})
		if err != nil {
			t.Fatal(err)
		}
		found := want == ""
		for _, it := range r.Items {
			found = found || it.Content.Title["fi"] == want
		}
		if !found || (q == "kaivos" && r.Total != 0) {
			t.Errorf("%q: %d results without %q", q, r.Total, want)
		}
	}
	hamk, err := db.OrgBySlug(ctx, "hamk")
	if err != nil {
		t.Fatal(err)
	}
	drafts, err := db.Microcredentials(ctx, hamk.ID, pokot.StatusDraft)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("HAMK drafts %d %v", len(drafts), err)
	}
	cs, err := db.Comments(ctx, hamk.ID, drafts[0].ID)
	if err != nil || len(cs) != 2 {
		t.Fatalf("comments on the draft: %d %v", len(cs), err)
	}
	// Running it again adds nothing.
	if n, err := demo.SeedMicrocredentials(ctx, db); err != nil || n != 0 {
		t.Fatalf("second run: %d %v", n, err)
	}
}
