package sqldb_test

import (
	"fmt"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func ids(r *pokot.CatalogResult) []string {
	var s []string
	for _, it := range r.Items {
		s = append(s, it.Content.Title["fi"])
	}
	return s
}

func facet(r *pokot.CatalogResult, name, value string) int {
	for _, f := range r.Facets[name] {
		if f.Value == value {
			return f.Count
		}
	}
	return 0
}

func TestSearch(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)

	robo := mcContent("Hoivarobotiikan perusteet", "Grunderna i vårdrobotik", "Basics of care robotics")
	robo.Workload = pokot.Workload{Value: 5, Unit: pokot.UnitOSP}
	robo.Languages = []string{"fi", "sv"}
	robo.Participation = []pokot.ParticipationForm{pokot.ParticipationOnline}
	robo.Keywords = map[pokot.Lang][]string{"fi": {"5G", "hoiva"}}
	lh := mcContent("Lähihoitajan lääkehoidon täydennyskoulutus", "Fortbildning i läkemedelsbehandling för närvårdare", "Medication training for practical nurses")
	lh.Workload = pokot.Workload{Value: 3, Unit: pokot.UnitOP}
	lh.EQFLevel = 5
	lh.Price.Jotpa = true
	lh.Stackability = pokot.Stackability{Kind: pokot.StackQualificationUnit,
		Unit: pokot.QualificationUnit{Code: "106936", Name: pokot.Text{"fi": "Lääkehoidon toteuttaminen"}}}
	wood := mcContent("Puurakentamisen perusteet", "Grunderna i träbyggande", "Basics of timber construction")
	wood.ISCEDField = "0732"
	wood.Description = pokot.Text{"fi": "Robotiikkaa ei käsitellä, vaan puun ominaisuuksia.", "en": "Wood as a building material."}
	wood.Workload = pokot.Workload{Value: 10, Unit: pokot.UnitOSP}
	hotel := mcContent("Asiakaspalvelu hotellissa", "Kundservice på hotell", "Customer service in hotels")
	hotel.ISCEDField = "1013"
	hotel.Languages = []string{"en"}

	w.publish(t, w.org.ID, robo)
	w.publish(t, w.org.ID, lh)
	w.publish(t, w.other.ID, wood)
	w.publish(t, w.other.ID, hotel)
	// Drafts, in review and approved versions never appear.
	for i, st := range []pokot.Status{pokot.StatusDraft, pokot.StatusReview} {
		d := mcContent(fmt.Sprintf("Robotiikan salainen luonnos %d", i), "", "")
		m, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", d)
		must(t, err)
		if st == pokot.StatusReview {
			if _, err := db.Transition(ctx, w.org.ID, m.ID, 1, w.anna.ID, st, ""); err != nil {
				t.Fatal(err)
			}
		}
	}

	tests := []struct {
		name string
		q    pokot.CatalogQuery
		want string
	}{
		{"fi base form finds genitive compound", pokot.CatalogQuery{Q: "robotiikka"}, "[Hoivarobotiikan perusteet Puurakentamisen perusteet]"},
		{"fi agent noun finds compound", pokot.CatalogQuery{Q: "hoitaja"}, "[Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"fi gradation", pokot.CatalogQuery{Q: "lääkehoito"}, "[Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"fi two words", pokot.CatalogQuery{Q: "rakentaminen perusteet"}, "[Puurakentamisen perusteet]"},
		{"sv plural", pokot.CatalogQuery{Q: "vårdrobotiken"}, "[Hoivarobotiikan perusteet]"},
		{"sv compound", pokot.CatalogQuery{Q: "närvårdaren"}, "[Lähihoitajan lääkehoidon täydennyskoulutus]"},
		// "Nursing and midwifery", the ISCED-F name of 0913, is in both; the title hit ranks first.
		{"en inflection", pokot.CatalogQuery{Q: "nurse"}, "[Lähihoitajan lääkehoidon täydennyskoulutus Hoivarobotiikan perusteet]"},
		{"en plural", pokot.CatalogQuery{Q: "Hotel"}, "[Asiakaspalvelu hotellissa]"},
		{"case and punctuation", pokot.CatalogQuery{Q: "  ROBOTICS!! "}, "[Hoivarobotiikan perusteet Puurakentamisen perusteet]"},
		{"no match", pokot.CatalogQuery{Q: "hitsaus"}, "[]"},
		{"short term falls back", pokot.CatalogQuery{Q: "5G"}, "[Hoivarobotiikan perusteet]"},
		{"short term only at word starts", pokot.CatalogQuery{Q: "ik"}, "[]"},
		{"one letter is ignored", pokot.CatalogQuery{Q: "x", Org: w.other.ID, Sort: pokot.SortTitle}, "[Asiakaspalvelu hotellissa Puurakentamisen perusteet]"},
		{"short and long terms", pokot.CatalogQuery{Q: "5g robotiikka"}, "[Hoivarobotiikan perusteet]"},
		{"level", pokot.CatalogQuery{Level: 5}, "[Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"broad field", pokot.CatalogQuery{Field: "07", Sort: pokot.SortTitle}, "[Puurakentamisen perusteet]"},
		{"detailed field", pokot.CatalogQuery{Field: "0913", Sort: pokot.SortTitle}, "[Hoivarobotiikan perusteet Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"unit range", pokot.CatalogQuery{Unit: pokot.UnitOSP, Min: 6, Sort: pokot.SortTitle}, "[Puurakentamisen perusteet]"},
		{"unit range max", pokot.CatalogQuery{Unit: pokot.UnitOSP, Max: 5, Sort: pokot.SortTitle}, "[Asiakaspalvelu hotellissa Hoivarobotiikan perusteet]"},
		{"org", pokot.CatalogQuery{Org: w.other.ID, Sort: pokot.SortTitle}, "[Asiakaspalvelu hotellissa Puurakentamisen perusteet]"},
		{"language", pokot.CatalogQuery{Language: "sv"}, "[Hoivarobotiikan perusteet]"},
		{"participation", pokot.CatalogQuery{Participation: pokot.ParticipationOnline}, "[Hoivarobotiikan perusteet]"},
		{"jotpa", pokot.CatalogQuery{Jotpa: true}, "[Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"stackable", pokot.CatalogQuery{StackableToQualification: true}, "[Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"skill", pokot.CatalogQuery{Skill: "http://data.europa.eu/esco/skill/0a1b2c3d-1111-4222-8333-444455556666", Org: w.org.ID, Sort: pokot.SortTitle},
			"[Hoivarobotiikan perusteet Lähihoitajan lääkehoidon täydennyskoulutus]"},
		{"query and filter", pokot.CatalogQuery{Q: "perusteet", Org: w.org.ID}, "[Hoivarobotiikan perusteet]"},
		{"title in swedish", pokot.CatalogQuery{Sort: pokot.SortTitle, Lang: pokot.Swedish, Org: w.other.ID}, "[Puurakentamisen perusteet Asiakaspalvelu hotellissa]"},
		{"workload sort", pokot.CatalogQuery{Sort: pokot.SortWorkload, Unit: pokot.UnitOSP}, "[Hoivarobotiikan perusteet Asiakaspalvelu hotellissa Puurakentamisen perusteet]"},
		{"paging", pokot.CatalogQuery{Sort: pokot.SortTitle, Page: 2, PerPage: 3}, "[Puurakentamisen perusteet]"},
	}
	for _, tt := range tests {
		r, err := db.Search(ctx, tt.q)
		must(t, err)
		if got := fmt.Sprint(ids(r)); got != tt.want {
			t.Errorf("%s: %q → %s, want %s", tt.name, tt.q.Q, got, tt.want)
		}
	}

	// Title hits rank above body hits: "robotiikka" is in the wood POK's description only.
	r, err := db.Search(ctx, pokot.CatalogQuery{Q: "robotiikka"})
	must(t, err)
	if len(r.Items) != 2 || r.Items[0].Score <= r.Items[1].Score {
		t.Fatalf("ranking %v", ids(r))
	}

	// Totals and facets count every hit, not just the page.
	r, err = db.Search(ctx, pokot.CatalogQuery{PerPage: 1})
	must(t, err)
	if r.Total != 4 || len(r.Items) != 1 {
		t.Fatalf("total %d items %d", r.Total, len(r.Items))
	}
	for _, c := range []struct {
		facet, value string
		n            int
	}{{"level", "4", 3}, {"level", "5", 1}, {"field", "09", 2}, {"field", "07", 1}, {"field", "10", 1},
		{"unit", "osp", 3}, {"unit", "op", 1}, {"org", fmt.Sprint(w.org.ID), 2}, {"org", fmt.Sprint(w.other.ID), 2},
		{"jotpa", "true", 1}, {"stackable", "true", 1}, {"language", "fi", 3}, {"language", "sv", 1}, {"language", "en", 1},
		{"participation", "online", 1}, {"participation", "blended", 3},
		{"skill", "http://data.europa.eu/esco/skill/0a1b2c3d-1111-4222-8333-444455556666", 4}} {
		if got := facet(r, c.facet, c.value); got != c.n {
			t.Errorf("facet %s=%s: %d, want %d", c.facet, c.value, got, c.n)
		}
	}
	r, err = db.Search(ctx, pokot.CatalogQuery{Q: "perusteet"})
	must(t, err)
	if r.Total != 2 || facet(r, "org", fmt.Sprint(w.org.ID)) != 1 || facet(r, "field", "07") != 1 || facet(r, "jotpa", "true") != 0 {
		t.Fatalf("filtered facets %+v total %d", r.Facets, r.Total)
	}
	if it := r.Items[0]; it.Slug == "" || it.Version != 1 || it.VersionID == 0 || it.PublishedAt.IsZero() || it.Content.Outcomes == nil {
		t.Fatalf("item %+v", it)
	}
}

// TestSearchFollowsPublication checks that a new published version replaces the old one in
// the catalogue and that archiving removes it.
func TestSearchFollowsPublication(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	m := w.publish(t, w.org.ID, mcContent("Hitsauksen perusteet", "", ""))
	v, err := db.NewVersion(ctx, w.org.ID, m.ID, w.anna.ID)
	must(t, err)
	c := v.Content
	c.Title = pokot.Text{"fi": "Robottihitsauksen perusteet"}
	if _, err := db.UpdateDraft(ctx, w.org.ID, m.ID, 2, w.anna.ID, &c, v.Revision); err != nil {
		t.Fatal(err)
	}
	search := func(q string) int {
		r, err := db.Search(ctx, pokot.CatalogQuery{Q: q})
		must(t, err)
		return r.Total
	}
	if search("robotti") != 0 || search("hitsaus") != 1 {
		t.Fatal("draft version leaked into the catalogue")
	}
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := w.anna
		if to == pokot.StatusApproved {
			by = w.admin
		}
		if _, err := db.Transition(ctx, w.org.ID, m.ID, 2, by.ID, to, ""); err != nil {
			t.Fatal(err)
		}
	}
	if search("robotti") != 1 || search("hitsaus") != 1 || search("") != 1 {
		t.Fatal("published version 2 not in the catalogue once")
	}
	if _, err := db.Transition(ctx, w.org.ID, m.ID, 2, w.admin.ID, pokot.StatusArchived, ""); err != nil {
		t.Fatal(err)
	}
	if search("hitsaus") != 0 || search("") != 0 {
		t.Fatal("archived POK still in the catalogue")
	}
}

// TestSearchSeesOtherProcesses checks that a search notices a publication made through
// another handle (another process), although it keeps the catalogue in memory.
func TestSearchSeesOtherProcesses(t *testing.T) {
	t.Parallel()
	dbs := openTwice(t)
	must(t, dbs[1].WarmCatalog(ctx)) // an empty catalogue
	w := newMCWorld(t, dbs[0])
	w.publish(t, w.org.ID, mcContent("Hitsauksen perusteet", "", ""))
	r, err := dbs[1].Search(ctx, pokot.CatalogQuery{})
	must(t, err)
	if r.Total != 1 {
		t.Fatalf("total %d", r.Total)
	}
	w.publish(t, w.org.ID, mcContent("Robottihitsaus", "", ""))
	for _, q := range []string{"", "hitsaus"} {
		r, err = dbs[1].Search(ctx, pokot.CatalogQuery{Q: q})
		must(t, err)
		if r.Total != 2 || len(r.Items) != 2 {
			t.Fatalf("%q: total %d, %d items", q, r.Total, len(r.Items))
		}
	}
}

// TestSearchFindsRenamedOrganisation: the catalogue finds a POK by its organisation's
// name, so renaming the organisation indexes its POKs again, in the same transaction.
func TestSearchFindsRenamedOrganisation(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	w.publish(t, w.org.ID, mcContent("Hoivarobotiikan perusteet", "", ""))
	w.publish(t, w.other.ID, mcContent("Puurakentamisen perusteet", "", ""))
	find := func(q string) []string {
		t.Helper()
		r, err := db.Search(ctx, pokot.CatalogQuery{Q: q})
		must(t, err)
		return ids(r)
	}
	if got := find("Kvanttiopisto"); len(got) != 0 {
		t.Fatalf("found %v before the rename", got)
	}
	o, err := db.OrgByID(ctx, w.org.ID)
	must(t, err)
	o.Name = pokot.Text{"fi": "Kvanttiopisto", "sv": "Kvantinstitutet", "en": "Quantum College"}
	must(t, db.UpdateOrg(ctx, o))
	for _, q := range []string{"Kvanttiopisto", "kvanttiopistossa", "Quantum"} {
		if got := find(q); len(got) != 1 || got[0] != "Hoivarobotiikan perusteet" {
			t.Errorf("%q finds %v after the rename", q, got)
		}
	}
	// Other changes of the organisation keep the catalogue as it is.
	before, err := db.Search(ctx, pokot.CatalogQuery{})
	must(t, err)
	o.Homepage = "https://kvantti.example.fi"
	must(t, db.UpdateOrg(ctx, o))
	after, err := db.Search(ctx, pokot.CatalogQuery{})
	must(t, err)
	if before.Total != 2 || after.Total != 2 {
		t.Errorf("totals %d and %d", before.Total, after.Total)
	}
}

// TestSearchNamesOrganisations: a result names the catalogue's organisations, read with the
// catalogue, so that a page need not read them per request: a rename shows at once, as does
// an organisation that publishes after the catalogue was loaded.
func TestSearchNamesOrganisations(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	w.publish(t, w.org.ID, mcContent("Hoivarobotiikan perusteet", "", ""))
	name := func(id int64, l pokot.Lang) string {
		t.Helper()
		r, err := db.Search(ctx, pokot.CatalogQuery{})
		must(t, err)
		return r.Orgs[id][l]
	}
	if got := name(w.org.ID, "fi"); got != w.org.Name["fi"] || got == "" {
		t.Fatalf("organisation %d is called %q, not %q", w.org.ID, got, w.org.Name["fi"])
	}
	o, err := db.OrgByID(ctx, w.org.ID)
	must(t, err)
	o.Name = pokot.Text{"fi": "Kvanttiopisto", "sv": "Kvantinstitutet", "en": "Quantum College"}
	must(t, db.UpdateOrg(ctx, o))
	if got := name(w.org.ID, "sv"); got != "Kvantinstitutet" {
		t.Fatalf("after the rename the Swedish name is %q", got)
	}
	third := newOrg(t, db, "omnia")
	must(t, db.AddMember(ctx, third.ID, w.nobody.ID, pokot.RoleDesigner))
	w.publish(t, third.ID, mcContent("Puurakentamisen perusteet", "", ""))
	if got := name(third.ID, "fi"); got != third.Name["fi"] || got == "" {
		t.Fatalf("a new organisation's first POK: name %q, want %q", got, third.Name["fi"])
	}
}
