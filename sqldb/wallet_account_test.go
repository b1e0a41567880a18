package sqldb_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestShareLinks: one live link per credential, switched off for good, and a new one
// after sharing again; links are the user's own.
func TestShareLinks(t *testing.T) {
	db := sqldbtest.New(t)
	a, b := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	l, err := db.CreateShareLink(ctx, a.ID, "urn:uuid:1")
	must(t, err)
	again, err := db.CreateShareLink(ctx, a.ID, "urn:uuid:1")
	must(t, err)
	if again.Token != l.Token || len(l.Token) < 20 {
		t.Fatalf("second share: %q, first %q", again.Token, l.Token)
	}
	_, err = db.CreateShareLink(ctx, a.ID, " ")
	wantCode(t, err, pokot.EINVALID, "err.wallet.id")
	wantCode(t, db.DisableShareLink(ctx, b.ID, "urn:uuid:1"), pokot.ENOTFOUND)
	must(t, db.DisableShareLink(ctx, a.ID, "urn:uuid:1"))
	wantCode(t, db.DisableShareLink(ctx, a.ID, "urn:uuid:1"), pokot.ENOTFOUND)
	got, err := db.ShareLinkByToken(ctx, l.Token)
	must(t, err)
	if got.Disabled == nil || got.UserID != a.ID || got.CredentialID != "urn:uuid:1" {
		t.Fatalf("switched-off link %+v", got)
	}
	if ls, _ := db.ShareLinks(ctx, a.ID); len(ls) != 0 {
		t.Fatalf("%d live links after switching off", len(ls))
	}
	n, err := db.CreateShareLink(ctx, a.ID, "urn:uuid:1")
	must(t, err)
	if n.Token == l.Token {
		t.Fatal("a switched-off link came back")
	}
	_, err = db.ShareLinkByToken(ctx, "nope")
	wantCode(t, err, pokot.ENOTFOUND)
}

// TestEmailChange: the new address confirms with a one-time token; a taken or the same
// address is refused up front; the account keeps its id.
func TestEmailChange(t *testing.T) {
	db := sqldbtest.New(t)
	a, b := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	_, err := db.RequestEmailChange(ctx, a.ID, b.Email, t0.Add(time.Hour))
	wantCode(t, err, pokot.ECONFLICT, "err.email_taken")
	_, err = db.RequestEmailChange(ctx, a.ID, a.Email, t0.Add(time.Hour))
	wantCode(t, err, pokot.ECONFLICT, "err.account.same_email")
	_, err = db.RequestEmailChange(ctx, a.ID, "not an address", t0.Add(time.Hour))
	wantCode(t, err, pokot.EINVALID, "err.email_invalid")
	expired, err := db.RequestEmailChange(ctx, a.ID, "vanha@example.fi", t0.Add(-time.Second))
	must(t, err)
	_, err = db.ConfirmEmailChange(ctx, expired, t0)
	wantCode(t, err, pokot.ENOTFOUND)
	tok, err := db.RequestEmailChange(ctx, a.ID, " Uusi@Example.fi ", t0.Add(time.Hour))
	must(t, err)
	u, err := db.ConfirmEmailChange(ctx, tok, t0)
	must(t, err)
	if u.ID != a.ID || u.Email != "uusi@example.fi" {
		t.Fatalf("after the change %d %s", u.ID, u.Email)
	}
	_, err = db.ConfirmEmailChange(ctx, tok, t0)
	wantCode(t, err, pokot.ENOTFOUND)
	// Taken between the request and the confirmation.
	tok, err = db.RequestEmailChange(ctx, b.ID, "kolmas@example.fi", t0.Add(time.Hour))
	must(t, err)
	must(t, db.CreateUser(ctx, &pokot.User{Email: "kolmas@example.fi", Name: "Kolmas"}))
	_, err = db.ConfirmEmailChange(ctx, tok, t0)
	wantCode(t, err, pokot.ECONFLICT, "err.email_taken")
}

// TestDeleteUser: the account and its links go; the last org admin cannot leave.
func TestDeleteUser(t *testing.T) {
	db := sqldbtest.New(t)
	a, admin := newUser(t, db, "Aino"), newUser(t, db, "Ylläpitäjä")
	o := newOrg(t, db, "del")
	must(t, db.AddMember(ctx, o.ID, admin.ID, pokot.RoleOrgAdmin))
	must(t, db.AddMember(ctx, o.ID, a.ID, pokot.RoleLearner))
	l, err := db.CreateShareLink(ctx, a.ID, "urn:uuid:1")
	must(t, err)
	_, _, err = db.CreateSession(ctx, a.ID, t0.Add(time.Hour))
	must(t, err)
	must(t, db.DeleteUser(ctx, a.ID))
	_, err = db.UserByID(ctx, a.ID)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.ShareLinkByToken(ctx, l.Token)
	wantCode(t, err, pokot.ENOTFOUND)
	wantCode(t, db.DeleteUser(ctx, a.ID), pokot.ENOTFOUND)
	wantCode(t, db.DeleteUser(ctx, admin.ID), pokot.ECONFLICT, "err.account.last_admin")
	if _, err := db.UserByID(ctx, admin.ID); err != nil {
		t.Fatalf("the refused deletion deleted: %v", err)
	}
}
