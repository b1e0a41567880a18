package api_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/exchange/exchangetest"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// BenchmarkCatalogSearchAPI measures GET /api/v1/microcredentials end to end over 200
// published POKs: parameters, the store's search, organisation slugs, JSON of 20 items
// with facets. Each iteration runs one query of a mix (a Finnish word, filters, none).
func BenchmarkCatalogSearchAPI(b *testing.B) {
	db := sqldbtest.New(b)
	ctx := b.Context()
	org := &pokot.Organisation{Slug: "hamk", Name: pokot.Text{"fi": "HAMK"}, Country: "FI"}
	if err := db.CreateOrg(ctx, org); err != nil {
		b.Fatal(err)
	}
	u := &pokot.User{Email: "bench@example.fi", Name: "Bench"}
	if err := db.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	if err := db.AddMember(ctx, org.ID, u.ID, pokot.RoleOrgAdmin); err != nil {
		b.Fatal(err)
	}
	for i := range 200 {
		c := exchangetest.Content()
		c.Title[pokot.Finnish] = fmt.Sprintf("%s %d", c.Title[pokot.Finnish], i)
		c.EQFLevel = 3 + i%4
		m, _, err := db.CreateMicrocredential(ctx, org.ID, u.ID, fmt.Sprintf("pok-%d", i), &c)
		if err != nil {
			b.Fatal(err)
		}
		for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
			if _, err := db.Transition(ctx, org.ID, m.ID, 1, u.ID, to, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = "https://pokot.example.fi"
	h := api.New(db, cfg, nil)
	queries := []string{"?q=robotiikka", "?level=4&org=hamk", "", "?q=hoiva&unit=osp&min=1&max=10&page=2", "?sort=title"}
	// The store alone, for comparison: what the API adds is parameters, slugs and JSON.
	b.Run("store", func(b *testing.B) {
		qs := []pokot.CatalogQuery{{Q: "robotiikka"}, {Level: 4, Org: org.ID}, {}, {Q: "hoiva", Unit: pokot.UnitOSP, Min: 1, Max: 10, Page: 2}, {Sort: pokot.SortTitle}}
		i := 0
		for b.Loop() {
			if _, err := db.Search(ctx, qs[i%len(qs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("api", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/microcredentials"+queries[i%len(queries)], nil))
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Code, rec.Body.String())
			}
			i++
		}
	})
}
