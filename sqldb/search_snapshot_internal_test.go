package sqldb

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/pokot/pokot"
)

// TestSnapshotPatch checks that patching a snapshot with the changes of later generations
// gives the same catalogue, in the same orders, as loading it afresh.
func TestSnapshotPatch(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	org := &pokot.Organisation{Slug: "oppilaitos", Name: pokot.Text{"fi": "O"}, Country: "FI"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.CreateOrg(ctx, org))
	var users [2]*pokot.User
	for i := range users {
		users[i] = &pokot.User{Email: fmt.Sprintf("u%d@example.fi", i)}
		must(db.CreateUser(ctx, users[i]))
		must(db.AddMember(ctx, org.ID, users[i].ID, pokot.RoleDesigner))
	}
	content := func(title string, level int) *pokot.MicrocredentialContent {
		return &pokot.MicrocredentialContent{Title: pokot.Text{"fi": title, "sv": "Å " + title},
			Outcomes: []pokot.LearningOutcome{{Text: pokot.Text{"fi": "Osaa toimia"}, Criteria: pokot.Text{"fi": "Toimii"}}},
			Workload: pokot.Workload{Value: float64(level), Unit: pokot.UnitOP}, EQFLevel: level,
			Assessment: []pokot.AssessmentType{pokot.AssessTest}, Participation: []pokot.ParticipationForm{pokot.ParticipationOnline},
			QualityAssurance: pokot.Text{"fi": "QA"}, Languages: []string{"fi"}}
	}
	publish := func(m *pokot.Microcredential, n int) {
		for _, st := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
			by := users[0].ID
			if st == pokot.StatusApproved {
				by = users[1].ID
			}
			_, err := db.Transition(ctx, org.ID, m.ID, n, by, st, "")
			must(err)
		}
	}
	var ms []*pokot.Microcredential
	for i, title := range []string{"Öljynvaihto", "Asiakaspalvelu", "Ääniteknikko", "Hitsaus"} {
		m, _, err := db.CreateMicrocredential(ctx, org.ID, users[0].ID, "", content(title, 4+i%2))
		must(err)
		publish(m, 1)
		ms = append(ms, m)
	}
	gen, err := generation(ctx, db.r)
	must(err)
	old, err := db.loadSnapshot(ctx, db.r, gen)
	must(err)

	// Later: a new POK, a new version of one (retitled), one withdrawn.
	m, _, err := db.CreateMicrocredential(ctx, org.ID, users[0].ID, "", content("Betonointi", 6))
	must(err)
	publish(m, 1)
	v, err := db.NewVersion(ctx, org.ID, ms[1].ID, users[0].ID)
	must(err)
	c := v.Content
	c.Title = pokot.Text{"fi": "Zumba-ohjaus"}
	_, err = db.UpdateDraft(ctx, org.ID, ms[1].ID, 2, users[0].ID, &c, v.Revision)
	must(err)
	publish(ms[1], 2)
	_, err = db.Transition(ctx, org.ID, ms[3].ID, 1, users[0].ID, pokot.StatusArchived, "")
	must(err)

	gen, err = generation(ctx, db.r)
	must(err)
	patched, ok, err := db.patchSnapshot(ctx, db.r, old, gen)
	must(err)
	if !ok {
		t.Fatal("not patched")
	}
	fresh, err := db.loadSnapshot(ctx, db.r, gen)
	must(err)
	ids := func(s *snapshot, o []int32) []string {
		var out []string
		for _, i := range o {
			e := s.entries[i]
			var fs []facetPair
			for _, f := range e.facets {
				fs = append(fs, s.pairs[f])
			}
			out = append(out, fmt.Sprint(e.id, e.published, e.level, fs))
		}
		return out
	}
	for k := range fresh.orders() {
		a, b := ids(patched, *patched.orders()[k].o), ids(fresh, *fresh.orders()[k].o)
		if !reflect.DeepEqual(a, b) || len(a) != 4 {
			t.Errorf("order %d:\npatched %v\nfresh   %v", k, a, b)
		}
	}
	// Finnish collation puts Ä and Ö after Z; "Zumba-ohjaus" is the retitled POK.
	var titles []int64
	for _, i := range patched.title[0] {
		titles = append(titles, patched.entries[i].id)
	}
	if want := []int64{m.ID, ms[1].ID, ms[2].ID, ms[0].ID}; !reflect.DeepEqual(titles, want) {
		t.Errorf("Finnish title order %v, want %v", titles, want)
	}
	// The words: the patched vocabulary finds what a fresh one finds, the retitled POK by
	// its new title only, the withdrawn one not at all.
	for _, q := range []string{"zumba", "asiakaspalvelu", "hitsaus", "betonointi", "öljynvaihto", "ohjaus", "toimia"} {
		found := func(s *snapshot) []int64 {
			all, _ := s.text.match(parseQuery(q), len(s.entries))
			all.and(s.alive)
			var out []int64
			for i := range s.entries {
				if all.has(int32(i)) {
					out = append(out, s.entries[i].id)
				}
			}
			slices.Sort(out)
			return out
		}
		if a, b := found(patched), found(fresh); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: patched finds %v, fresh %v", q, a, b)
		}
	}
	if all, _ := patched.text.match(parseQuery("zumba"), len(patched.entries)); all.count() != 1 {
		t.Error("the new title is not found")
	}
	// Changes older than the log force a full reload.
	if _, err := db.w.ExecContext(ctx, `DELETE FROM catalog_changes`); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.patchSnapshot(ctx, db.r, old, gen); ok {
		t.Fatal("patched without the change log")
	}
}
