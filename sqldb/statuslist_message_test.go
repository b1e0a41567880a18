package sqldb_test

import (
	"sync"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestStatusMessageValues(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	other := newOrg(t, db, "keuda")

	es, err := db.AllocateStatuses(ctx, org.ID, pokot.StatusMessage, []string{"urn:uuid:a", "urn:uuid:b"}, 0)
	must(t, err)
	a, b := es[0], es[1]
	if a.Purpose != pokot.StatusMessage || a.List != 1 || a.Index == b.Index {
		t.Fatalf("allocated %+v %+v", a, b)
	}
	l, err := db.StatusList(ctx, org.ID, pokot.StatusMessage, 1)
	must(t, err)
	if l.Size != 131072 || l.Used != 2 {
		t.Fatalf("list %+v", l)
	}
	v0 := l.Version

	// valid → suspended → valid → suspended → revoked; each change bumps the version.
	steps := []int{pokot.StatusValueSuspended, pokot.StatusValueValid, pokot.StatusValueSuspended, pokot.StatusValueRevoked}
	for i, v := range steps {
		e, got, err := db.SetStatusValue(ctx, org.ID, a.List, a.Index, v, "syy")
		must(t, err)
		if got != v || e.Set != (v != 0) || e.Reason != "syy" || e.Changed == nil || e.CredentialID != "urn:uuid:a" {
			t.Fatalf("step %d: %+v, %d", i, e, got)
		}
		_, now, err := db.StatusValue(ctx, org.ID, a.List, a.Index)
		must(t, err)
		if now != v {
			t.Fatalf("step %d: stored %d, want %d", i, now, v)
		}
		l, _ := db.StatusList(ctx, org.ID, pokot.StatusMessage, 1)
		if l.Version != v0+int64(i+1) {
			t.Fatalf("step %d: version %d, want %d", i, l.Version, v0+int64(i+1))
		}
	}
	vals, err := db.StatusListValues(ctx, org.ID, 1)
	must(t, err)
	if len(vals) != 1 || vals[a.Index] != pokot.StatusValueRevoked {
		t.Fatalf("values %v", vals)
	}

	// Revocation is final; every refused change changes nothing.
	for _, c := range []struct {
		value int
		key   string
	}{
		{pokot.StatusValueRevoked, "err.status_already_revoked"},
		{pokot.StatusValueSuspended, "err.status_revoked_final"},
		{pokot.StatusValueValid, "err.status_revoked_final"},
	} {
		_, _, err := db.SetStatusValue(ctx, org.ID, a.List, a.Index, c.value, "x")
		wantCode(t, err, pokot.ECONFLICT, c.key)
	}
	_, _, err = db.SetStatusValue(ctx, org.ID, b.List, b.Index, pokot.StatusValueValid, "x")
	wantCode(t, err, pokot.ECONFLICT, "err.status_not_suspended")
	_, _, err = db.SetStatusValue(ctx, org.ID, b.List, b.Index, pokot.StatusValueSuspended, "x")
	must(t, err)
	_, _, err = db.SetStatusValue(ctx, org.ID, b.List, b.Index, pokot.StatusValueSuspended, "x")
	wantCode(t, err, pokot.ECONFLICT, "err.status_already_suspended")
	_, _, err = db.SetStatusValue(ctx, org.ID, b.List, b.Index, 3, "x")
	wantCode(t, err, pokot.EINVALID, "err.status_value")
	l, _ = db.StatusList(ctx, org.ID, pokot.StatusMessage, 1)
	if l.Version != v0+5 {
		t.Fatalf("refused changes bumped the version to %d", l.Version)
	}
	vals, _ = db.StatusListValues(ctx, org.ID, 1)
	if len(vals) != 2 || vals[a.Index] != 2 || vals[b.Index] != 1 {
		t.Fatalf("values %v", vals)
	}

	// The bit API refuses message entries, and the other organisation sees nothing.
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusMessage, a.List, a.Index, true, "x")
	wantCode(t, err, pokot.EINVALID, "err.status_purpose")
	_, _, err = db.SetStatusValue(ctx, other.ID, a.List, a.Index, pokot.StatusValueRevoked, "x")
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
	_, _, err = db.StatusValue(ctx, org.ID, a.List, a.Index+131072)
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
	if vals, _ := db.StatusListValues(ctx, other.ID, 1); len(vals) != 0 {
		t.Fatalf("other organisation sees %v", vals)
	}

	// Purposes of credentials: message wins over revocation; unknown ids are absent.
	_, err = db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "urn:uuid:c", 0)
	must(t, err)
	_, err = db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "urn:uuid:a", 0)
	must(t, err)
	ps, err := db.StatusPurposesOf(ctx, org.ID, []string{"urn:uuid:a", "urn:uuid:c", "urn:uuid:zz"})
	must(t, err)
	if len(ps) != 2 || ps["urn:uuid:a"] != pokot.StatusMessage || ps["urn:uuid:c"] != pokot.StatusRevocation {
		t.Fatalf("purposes %v", ps)
	}
	if ps, _ := db.StatusPurposesOf(ctx, other.ID, []string{"urn:uuid:a"}); len(ps) != 0 {
		t.Fatalf("other organisation: %v", ps)
	}
}

// TestStatusMessageConcurrent has many goroutines change one entry at once: exactly one
// revocation wins and every other attempt is a precise conflict.
func TestStatusMessageConcurrent(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	e, err := db.AllocateStatus(ctx, org.ID, pokot.StatusMessage, "urn:uuid:a", 0)
	must(t, err)
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := db.SetStatusValue(ctx, org.ID, e.List, e.Index, pokot.StatusValueRevoked, "x")
			mu.Lock()
			defer mu.Unlock()
			switch pokot.ErrorCode(err) {
			case "":
				wins++
			case pokot.ECONFLICT:
			default:
				t.Errorf("unexpected %v", err)
			}
		}()
	}
	wg.Wait()
	if wins != 1 {
		t.Fatalf("%d revocations succeeded", wins)
	}
}
