package sqldb_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// TestEmailChangeMovesPathwayCredentials: a pathway credential issued to the old address
// follows the account to the new one, as POK credentials do, so the wallet keeps listing it.
func TestEmailChangeMovesPathwayCredentials(t *testing.T) {
	db := testDB(t)
	w := newMCWorld(t, db)
	a := w.publish(t, w.org.ID, mcContent("A", "A", "A"))
	p := &pokot.Pathway{OrgID: w.org.ID, Name: pokot.Text{"fi": "Polku"}, Members: []int64{a.ID}}
	must(t, db.CreatePathway(ctx, p, w.anna.ID))
	u := newUser(t, db, "Oppija")
	got, _, err := db.ReservePathwayCredential(ctx, &pokot.PathwayCredential{PathwayID: p.ID, OrgID: w.org.ID, Email: u.Email,
		CredentialID: "urn:uuid:00000000-0000-4000-8000-000000000001", Stacked: []string{"urn:uuid:x"}})
	must(t, err)
	if _, err := db.StorePathwayCredential(ctx, got.ID, []byte(`{"id":"urn:uuid:00000000-0000-4000-8000-000000000001"}`), nil, true); err != nil {
		t.Fatal(err)
	}
	tok, err := db.RequestEmailChange(ctx, u.ID, "uusi.osoite@example.fi", time.Now().Add(time.Hour))
	must(t, err)
	_, err = db.ConfirmEmailChange(ctx, tok, time.Now())
	must(t, err)
	if old, _ := db.PathwayCredentialsOfEmail(ctx, u.Email); len(old) != 0 {
		t.Fatalf("%d pathway credentials left at the old address", len(old))
	}
	moved, err := db.PathwayCredentialsOfEmail(ctx, "uusi.osoite@example.fi")
	if err != nil || len(moved) != 1 {
		t.Fatalf("pathway credentials at the new address: %d, %v", len(moved), err)
	}
}
