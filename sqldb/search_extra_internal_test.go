package sqldb

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestSnapshotExtraBounded checks that the words patches add outside the suffix array
// (textIndex.extra, scanned one by one at every lookup) do not pile up: publishing only new
// POKs leaves no dead slots, so without a bound of its own the list would grow until the
// process restarts.
func TestSnapshotExtraBounded(t *testing.T) {
	defer func(n int) { maxExtra = n }(maxExtra)
	maxExtra = 10
	ctx := context.Background()
	db, publishNew := catalogWithWords(t)
	publishNew(0)
	must(t, db.WarmCatalog(ctx))
	for k := 1; k <= 4; k++ {
		publishNew(k)
		res, err := db.Search(ctx, pokot.CatalogQuery{Q: fmt.Sprintf("sana%cxbq", 'a'+k)})
		must(t, err)
		if res.Total != 1 {
			t.Fatalf("POK %d: %d results, want 1", k, res.Total)
		}
		snap := db.catCache().snap
		if n := len(snap.text.extra); n > maxExtra+40 {
			t.Fatalf("after %d new POKs the snapshot scans %d words one by one (bound %d)", k, n, maxExtra)
		}
	}
}

// TestSearchPageBeyondInt checks that a page number whose offset does not fit in an int
// gives no items (the store is called with pages the web and the API did not bound too).
func TestSearchPageBeyondInt(t *testing.T) {
	ctx := context.Background()
	db, publishNew := catalogWithWords(t)
	for k := range 3 {
		publishNew(k)
	}
	for _, page := range []int{4, math.MaxInt/20 + 2, math.MaxInt / 3, math.MaxInt} {
		res, err := db.Search(ctx, pokot.CatalogQuery{Page: page, PerPage: 20})
		must(t, err)
		if len(res.Items) != 0 || res.Total != 3 {
			t.Errorf("page %d: %d items of %d, want none of 3", page, len(res.Items), res.Total)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// catalogWithWords opens a catalogue; publishNew(k) publishes a new POK whose description
// has twenty words of its own ("sana" k "x" a…t "q").
func catalogWithWords(t *testing.T) (*DB, func(k int)) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	org := &pokot.Organisation{Slug: "oppilaitos", Name: pokot.Text{"fi": "O"}, Country: "FI"}
	must(db.CreateOrg(ctx, org))
	var users [2]*pokot.User
	for i := range users {
		users[i] = &pokot.User{Email: fmt.Sprintf("u%d@example.fi", i)}
		must(db.CreateUser(ctx, users[i]))
		must(db.AddMember(ctx, org.ID, users[i].ID, pokot.RoleDesigner))
	}
	publishNew := func(k int) {
		var words []string
		for i := range 20 {
			words = append(words, fmt.Sprintf("sana%cx%cq", 'a'+k, 'a'+i))
		}
		c := &pokot.MicrocredentialContent{Title: pokot.Text{"fi": fmt.Sprintf("Kurssi %c", 'a'+k)},
			Description: pokot.Text{"fi": strings.Join(words, " ")},
			Outcomes:    []pokot.LearningOutcome{{Text: pokot.Text{"fi": "Osaa toimia"}, Criteria: pokot.Text{"fi": "Toimii"}}},
			Workload:    pokot.Workload{Value: 1, Unit: pokot.UnitOP}, EQFLevel: 4,
			Assessment: []pokot.AssessmentType{pokot.AssessTest}, Participation: []pokot.ParticipationForm{pokot.ParticipationOnline},
			QualityAssurance: pokot.Text{"fi": "QA"}, Languages: []string{"fi"}}
		m, _, err := db.CreateMicrocredential(ctx, org.ID, users[0].ID, "", c)
		must(err)
		for _, st := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
			by := users[0].ID
			if st == pokot.StatusApproved {
				by = users[1].ID
			}
			_, err := db.Transition(ctx, org.ID, m.ID, 1, by, st, "")
			must(err)
		}
	}
	return db, publishNew
}
