package issuing_test

import (
	"context"
	"errors"
	"sort"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
)

// AfterIssued sees every stored credential once, chunk by chunk, and its failure does not
// fail the batch (the credentials are already issued).
func TestAfterIssuedHook(t *testing.T) {
	e := newEnv(t, 7)
	b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	must(t, err)
	iss, err := issuer.New(e.db, e.master, baseURL, nil)
	must(t, err)
	var seen []string
	chunks := 0
	s := issuing.New(e.db, iss, issuing.Options{BaseURL: baseURL, Worker: "hook", Chunk: 3, Now: e.clock.Now,
		AfterIssued: func(_ context.Context, cs []*pokot.IssuedCredential) error {
			chunks++
			for _, c := range cs {
				seen = append(seen, c.Email)
			}
			return errors.New("pathways are down")
		}})
	must(t, s.RunBatch(ctx, e.org.ID, b.ID))
	got, err := e.db.IssueBatch(ctx, e.org.ID, b.ID)
	must(t, err)
	if got.Status != pokot.BatchDone || got.Done != 7 {
		t.Fatalf("a failing hook failed the batch: %+v", got)
	}
	sort.Strings(seen)
	want := append([]string(nil), e.learners...)
	sort.Strings(want)
	if chunks != 3 || len(seen) != len(want) {
		t.Fatalf("hook saw %d credentials in %d chunks, want %d in 3", len(seen), chunks, len(want))
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("hook saw %v, want %v", seen, want)
		}
	}
}
