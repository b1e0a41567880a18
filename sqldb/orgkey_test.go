package sqldb_test

import (
	"bytes"
	"crypto/rand"
	"sync"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// fakeKey returns an OrgKey with random bytes; the store treats keys as opaque.
func fakeKey(orgID int64, kid string) *pokot.OrgKey {
	pub, sealed := make([]byte, 32), make([]byte, 60)
	rand.Read(pub)
	rand.Read(sealed)
	return &pokot.OrgKey{OrgID: orgID, KeyID: kid, PublicKey: pub, Sealed: sealed}
}

func TestOrgKeys(t *testing.T) {
	db := sqldbtest.New(t)
	org := newOrg(t, db, "omnia")
	other := newOrg(t, db, "keuda")

	_, err := db.ActiveOrgKey(ctx, org.ID)
	wantCode(t, err, pokot.ENOTFOUND, "err.no_key")
	wantCode(t, db.RotateOrgKey(ctx, fakeKey(org.ID, "k0")), pokot.ENOTFOUND, "err.no_key")

	k1 := fakeKey(org.ID, "k1")
	must(t, db.CreateOrgKey(ctx, k1))
	if k1.ID == 0 || k1.Created.IsZero() {
		t.Fatalf("CreateOrgKey did not fill ID and Created: %+v", k1)
	}
	wantCode(t, db.CreateOrgKey(ctx, fakeKey(org.ID, "k1b")), pokot.ECONFLICT, "err.key_exists")
	wantCode(t, db.CreateOrgKey(ctx, fakeKey(9999, "k")), pokot.ENOTFOUND)
	wantCode(t, db.CreateOrgKey(ctx, &pokot.OrgKey{OrgID: org.ID, KeyID: "x", PublicKey: []byte{1}}), pokot.EINVALID)

	got, err := db.ActiveOrgKey(ctx, org.ID)
	must(t, err)
	if got.KeyID != "k1" || !bytes.Equal(got.PublicKey, k1.PublicKey) || !bytes.Equal(got.Sealed, k1.Sealed) || got.Retired != nil || !got.Created.Equal(k1.Created) {
		t.Fatalf("ActiveOrgKey = %+v, want %+v", got, k1)
	}
	// Tenant isolation: the other organisation sees no key.
	_, err = db.ActiveOrgKey(ctx, other.ID)
	wantCode(t, err, pokot.ENOTFOUND, "err.no_key")

	k2 := fakeKey(org.ID, "k2")
	must(t, db.RotateOrgKey(ctx, k2))
	got, err = db.ActiveOrgKey(ctx, org.ID)
	must(t, err)
	if got.KeyID != "k2" {
		t.Fatalf("active key after rotation %q, want k2", got.KeyID)
	}
	// The same key id again in the same organisation is refused, and nothing changes.
	wantCode(t, db.RotateOrgKey(ctx, fakeKey(org.ID, "k1")), pokot.ECONFLICT)
	ks, err := db.OrgKeys(ctx, org.ID)
	must(t, err)
	if len(ks) != 2 || ks[0].KeyID != "k1" || ks[0].Retired == nil || ks[1].KeyID != "k2" || ks[1].Retired != nil {
		t.Fatalf("OrgKeys after rotation: %+v %+v", ks[0], ks[len(ks)-1])
	}
	ks, err = db.OrgKeys(ctx, other.ID)
	must(t, err)
	if len(ks) != 0 {
		t.Fatalf("the other organisation lists %d keys", len(ks))
	}
}

// TestOrgKeyCreateRace creates the first key from many goroutines over two handles: one
// wins, every other one gets err.key_exists.
func TestOrgKeyCreateRace(t *testing.T) {
	dbs := openTwice(t)
	org := newOrg(t, dbs[0], "race")
	var wg sync.WaitGroup
	var mu sync.Mutex
	won, lost := 0, 0
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := dbs[i%2].CreateOrgKey(ctx, fakeKey(org.ID, "k"+string(rune('a'+i))))
			mu.Lock()
			defer mu.Unlock()
			switch pokot.ErrorCode(err) {
			case "":
				won++
			case pokot.ECONFLICT:
				lost++
			default:
				t.Errorf("CreateOrgKey: %v", err)
			}
		}()
	}
	wg.Wait()
	if won != 1 || lost != 15 {
		t.Fatalf("won %d, lost %d; want 1 and 15", won, lost)
	}
	ks, err := dbs[1].OrgKeys(ctx, org.ID)
	must(t, err)
	if len(ks) != 1 {
		t.Fatalf("%d keys stored", len(ks))
	}
}
