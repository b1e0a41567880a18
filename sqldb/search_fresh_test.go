package sqldb_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestSearchFreshDuringChanges publishes, re-versions and archives POKs while other
// goroutines search: every search succeeds, a goroutine never sees the catalogue go back
// in time, and a search right after each change sees it (run with -race: the snapshot
// is patched into a copy while searches read the old one).
func TestSearchFreshDuringChanges(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	w := newMCWorld(t, db)
	must(t, db.WarmCatalog(ctx))
	var stop atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	var searches atomic.Int64
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for !stop.Load() {
				r, err := db.Search(ctx, pokot.CatalogQuery{Q: "hitsaus", Level: 4})
				if err != nil {
					errs <- err
					return
				}
				if r.Total < last || len(r.Items) != min(r.Total, 20) {
					errs <- fmt.Errorf("total %d after %d, %d items", r.Total, last, len(r.Items))
					return
				}
				last = r.Total
				searches.Add(1)
			}
		}()
	}
	total := func(q pokot.CatalogQuery) int {
		t.Helper()
		r, err := db.Search(ctx, q)
		must(t, err)
		return r.Total
	}
	var ms []*pokot.Microcredential
	for i := 0; i < 6; i++ {
		ms = append(ms, w.publish(t, w.org.ID, mcContent(fmt.Sprintf("Robottihitsauksen perusteet %d", i), "", "")))
		if n := total(pokot.CatalogQuery{Q: "hitsaus", Level: 4}); n != i+1 {
			t.Fatalf("after publishing %d: %d found", i+1, n)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if searches.Load() == 0 {
		t.Fatal("no concurrent search ran")
	}

	// A new version replaces the old words; archiving removes the POK.
	v, err := db.NewVersion(ctx, w.org.ID, ms[0].ID, w.anna.ID)
	must(t, err)
	c := v.Content
	c.Title = pokot.Text{"fi": "Kvanttilaskennan työpaja"}
	c.Description = pokot.Text{"fi": "Uusi kuvaus"}
	_, err = db.UpdateDraft(ctx, w.org.ID, ms[0].ID, 2, w.anna.ID, &c, v.Revision)
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := w.anna
		if to == pokot.StatusApproved {
			by = w.admin
		}
		_, err := db.Transition(ctx, w.org.ID, ms[0].ID, 2, by.ID, to, "")
		must(t, err)
	}
	if total(pokot.CatalogQuery{Q: "kvanttilaskenta"}) != 1 || total(pokot.CatalogQuery{Q: "hitsaus"}) != 5 || total(pokot.CatalogQuery{}) != 6 {
		t.Fatal("the new version is not what the catalogue finds")
	}
	r, err := db.Search(ctx, pokot.CatalogQuery{Q: "työpaja"})
	must(t, err)
	if len(r.Items) != 1 || r.Items[0].Version != 2 || r.Items[0].Content.Title["fi"] != "Kvanttilaskennan työpaja" {
		t.Fatalf("new version's item %+v", r.Items)
	}
	_, err = db.Transition(ctx, w.org.ID, ms[1].ID, 1, w.admin.ID, pokot.StatusArchived, "")
	must(t, err)
	if total(pokot.CatalogQuery{Q: "hitsaus"}) != 4 || total(pokot.CatalogQuery{}) != 5 || total(pokot.CatalogQuery{Level: 4}) != 5 {
		t.Fatal("the archived POK is still found")
	}
	r, err = db.Search(ctx, pokot.CatalogQuery{Q: "perusteet"})
	must(t, err)
	for _, it := range r.Items {
		if it.ID == ms[1].ID {
			t.Fatal("the archived POK is listed")
		}
	}
}
