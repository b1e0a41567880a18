package sqldb_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestStatusAllocate(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	other := newOrg(t, db, "keuda")

	e, err := db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "urn:uuid:1", 0)
	must(t, err)
	if e.List != 1 || e.Index < 0 || e.Index >= 131072 || e.Set || e.CredentialID != "urn:uuid:1" {
		t.Fatalf("AllocateStatus = %+v", e)
	}
	l, err := db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if l.Size != 131072 || l.Used != 1 || l.Current() {
		t.Fatalf("StatusList = %+v", l)
	}
	got, err := db.StatusEntry(ctx, org.ID, pokot.StatusRevocation, 1, e.Index)
	must(t, err)
	if got.CredentialID != "urn:uuid:1" || got.Set {
		t.Fatalf("StatusEntry = %+v", got)
	}
	es, err := db.StatusEntriesOf(ctx, org.ID, "urn:uuid:1")
	must(t, err)
	if len(es) != 1 || es[0].Index != e.Index {
		t.Fatalf("StatusEntriesOf = %v", es)
	}

	// Tenant isolation: the other organisation sees neither the list nor the entry.
	_, err = db.StatusList(ctx, other.ID, pokot.StatusRevocation, 1)
	wantCode(t, err, pokot.ENOTFOUND, "err.status_list_not_found")
	_, err = db.StatusEntry(ctx, other.ID, pokot.StatusRevocation, 1, e.Index)
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
	_, err = db.SetStatus(ctx, other.ID, pokot.StatusRevocation, 1, e.Index, true, "x")
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
	es, err = db.StatusEntriesOf(ctx, other.ID, "urn:uuid:1")
	must(t, err)
	if len(es) != 0 {
		t.Fatalf("the other organisation sees %d entries", len(es))
	}

	// Purposes have separate lists.
	s, err := db.AllocateStatus(ctx, org.ID, pokot.StatusSuspension, "urn:uuid:1", 0)
	must(t, err)
	if s.List != 1 || s.Purpose != pokot.StatusSuspension {
		t.Fatalf("suspension entry %+v", s)
	}

	// Bad input.
	_, err = db.AllocateStatus(ctx, org.ID, "expiry", "", 0)
	wantCode(t, err, pokot.EINVALID, "err.status_purpose")
	_, err = db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "", 1000)
	wantCode(t, err, pokot.EINVALID, "err.status_list_size")
	_, err = db.AllocateStatus(ctx, 99999, pokot.StatusRevocation, "", 0)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.StatusList(ctx, org.ID, pokot.StatusRevocation, 2)
	wantCode(t, err, pokot.ENOTFOUND, "err.status_list_not_found")
}

func TestStatusSet(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	r, err := db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "", 0)
	must(t, err)
	s, err := db.AllocateStatus(ctx, org.ID, pokot.StatusSuspension, "", 0)
	must(t, err)

	l0, err := db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	ok, err := db.StoreSignedStatusList(ctx, org.ID, pokot.StatusRevocation, 1, l0.Version, []byte(`{"v":0}`))
	must(t, err)
	l, err := db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if !ok || !l.Current() || string(l.Signed) != `{"v":0}` {
		t.Fatalf("signed form not cached: %v %+v", ok, l)
	}

	e, err := db.SetStatus(ctx, org.ID, pokot.StatusRevocation, 1, r.Index, true, "väärennetty arviointi")
	must(t, err)
	if !e.Set || e.Reason != "väärennetty arviointi" || e.Changed == nil {
		t.Fatalf("SetStatus = %+v", e)
	}
	l, err = db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if l.Current() || l.Signed != nil || l.Version <= l0.Version {
		t.Fatalf("the change did not invalidate the signed form: %+v", l)
	}
	// A signed form of the old version is not stored any more.
	ok, err = db.StoreSignedStatusList(ctx, org.ID, pokot.StatusRevocation, 1, l0.Version, []byte(`{"v":0}`))
	must(t, err)
	if ok {
		t.Fatal("a stale signed form was stored")
	}
	bits, err := db.StatusListBits(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if fmt.Sprint(bits) != fmt.Sprint([]int{r.Index}) {
		t.Fatalf("bits %v, want [%d]", bits, r.Index)
	}

	// Revoking twice, and undoing a revocation, change nothing.
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusRevocation, 1, r.Index, true, "again")
	wantCode(t, err, pokot.ECONFLICT, "err.status_already_revoked")
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusRevocation, 1, r.Index, false, "oops")
	wantCode(t, err, pokot.ECONFLICT, "err.revocation_permanent")
	got, err := db.StatusEntry(ctx, org.ID, pokot.StatusRevocation, 1, r.Index)
	must(t, err)
	if !got.Set || got.Reason != "väärennetty arviointi" {
		t.Fatalf("a refused change changed the entry: %+v", got)
	}
	l2, err := db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if l2.Version != l.Version {
		t.Fatalf("a refused change bumped the version %d → %d", l.Version, l2.Version)
	}

	// Suspension can be lifted, once.
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusSuspension, 1, s.Index, false, "x")
	wantCode(t, err, pokot.ECONFLICT, "err.status_not_suspended")
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusSuspension, 1, s.Index, true, "selvitys kesken")
	must(t, err)
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusSuspension, 1, s.Index, true, "x")
	wantCode(t, err, pokot.ECONFLICT, "err.status_already_suspended")
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusSuspension, 1, s.Index, false, "selvitetty")
	must(t, err)
	bits, err = db.StatusListBits(ctx, org.ID, pokot.StatusSuspension, 1)
	must(t, err)
	if len(bits) != 0 {
		t.Fatalf("suspension bits after lifting: %v", bits)
	}

	// Unknown entries and purposes.
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusRevocation, 1, (r.Index+1)%131072, true, "x")
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
	_, err = db.SetStatus(ctx, org.ID, pokot.StatusRevocation, 7, r.Index, true, "x")
	wantCode(t, err, pokot.ENOTFOUND, "err.status_not_found")
	_, err = db.SetStatus(ctx, org.ID, "expiry", 1, r.Index, true, "x")
	wantCode(t, err, pokot.EINVALID, "err.status_purpose")
}

func TestStatusAllocateBatch(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	ids := []string{"urn:a", "urn:b", "urn:c"}
	es, err := db.AllocateStatuses(ctx, org.ID, pokot.StatusSuspension, ids, 0)
	must(t, err)
	if len(es) != 3 || es[0].Index == es[1].Index || es[1].Index == es[2].Index || es[0].Index == es[2].Index {
		t.Fatalf("AllocateStatuses = %v", es)
	}
	for i, e := range es {
		got, err := db.StatusEntriesOf(ctx, org.ID, ids[i])
		must(t, err)
		if len(got) != 1 || got[0].Index != e.Index || got[0].Purpose != pokot.StatusSuspension {
			t.Fatalf("entry of %s: %v", ids[i], got)
		}
	}
	// A large batch: distinct indices, each stored with its credential id.
	big := make([]string, 5000)
	for i := range big {
		big[i] = fmt.Sprintf("urn:big:%d", i)
	}
	es, err = db.AllocateStatuses(ctx, org.ID, pokot.StatusSuspension, big, 0)
	must(t, err)
	distinct := map[int]bool{}
	for i, e := range es {
		if e.CredentialID != big[i] || e.List != 1 || distinct[e.Index] {
			t.Fatalf("entry %d: %+v (duplicate %v)", i, e, distinct[e.Index])
		}
		distinct[e.Index] = true
	}
	for _, i := range []int{0, 2500, 4999} {
		back, err := db.StatusEntriesOf(ctx, org.ID, big[i])
		must(t, err)
		if len(back) != 1 || back[0].Index != es[i].Index {
			t.Fatalf("stored entry of %s: %v, want index %d", big[i], back, es[i].Index)
		}
	}

	// All or nothing: a batch for a missing organisation stores nothing.
	_, err = db.AllocateStatuses(ctx, 99999, pokot.StatusSuspension, ids, 0)
	wantCode(t, err, pokot.ENOTFOUND)
	l, err := db.StatusList(ctx, org.ID, pokot.StatusSuspension, 1)
	must(t, err)
	if l.Used != 5003 {
		t.Fatalf("used %d, want 5003", l.Used)
	}
}

// TestStatusRotationInvalidates checks that a key rotation marks the lists for re-signing.
func TestStatusRotationInvalidates(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	must(t, db.CreateOrgKey(ctx, fakeKey(org.ID, "k1")))
	_, err := db.AllocateStatus(ctx, org.ID, pokot.StatusRevocation, "", 0)
	must(t, err)
	l, err := db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	_, err = db.StoreSignedStatusList(ctx, org.ID, pokot.StatusRevocation, 1, l.Version, []byte(`{}`))
	must(t, err)
	must(t, db.RotateOrgKey(ctx, fakeKey(org.ID, "k2")))
	l, err = db.StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if l.Current() {
		t.Fatal("the list signed with the retired key is still current")
	}
}

// TestStatusAllocateConcurrent allocates from many goroutines over two handles (as two
// processes would): every index is handed out exactly once and the list counts them all.
func TestStatusAllocateConcurrent(t *testing.T) {
	dbs := openTwice(t)
	org := newOrg(t, dbs[0], "omnia")
	const workers, each = 16, 25
	var mu sync.Mutex
	seen := map[[2]int]int{}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				e, err := dbs[w%2].AllocateStatus(ctx, org.ID, pokot.StatusRevocation, fmt.Sprintf("urn:w%d:%d", w, i), 0)
				if err != nil {
					t.Errorf("AllocateStatus: %v", err)
					return
				}
				mu.Lock()
				seen[[2]int{e.List, e.Index}]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	if len(seen) != workers*each {
		t.Fatalf("%d distinct indices for %d allocations", len(seen), workers*each)
	}
	l, err := dbs[1].StatusList(ctx, org.ID, pokot.StatusRevocation, 1)
	must(t, err)
	if l.Used != workers*each {
		t.Fatalf("list counts %d used, want %d", l.Used, workers*each)
	}
	for k, n := range seen {
		if n != 1 || k[0] != 1 {
			t.Fatalf("index %v handed out %d times", k, n)
		}
		e, err := dbs[0].StatusEntry(ctx, org.ID, pokot.StatusRevocation, k[0], k[1])
		must(t, err)
		if e.CredentialID == "" {
			t.Fatalf("entry %v lost its credential id", k)
		}
	}
}

// BenchmarkAllocateStatuses allocates revocation indices in batches of 1,000; ns/op is per
// index.
func BenchmarkAllocateStatuses(b *testing.B) {
	db := sqldbtest.New(b)
	o := &pokot.Organisation{Slug: "bench", Name: pokot.Text{pokot.Finnish: "Bench"}}
	if err := db.CreateOrg(ctx, o); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 1000)
	b.ResetTimer()
	for n := 0; n < b.N; n += len(ids) {
		if _, err := db.AllocateStatuses(ctx, o.ID, pokot.StatusRevocation, ids, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllocateStatus allocates one index per transaction.
func BenchmarkAllocateStatus(b *testing.B) {
	db := sqldbtest.New(b)
	o := &pokot.Organisation{Slug: "bench", Name: pokot.Text{pokot.Finnish: "Bench"}}
	if err := db.CreateOrg(ctx, o); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.AllocateStatus(ctx, o.ID, pokot.StatusRevocation, "", 0); err != nil {
			b.Fatal(err)
		}
	}
}
