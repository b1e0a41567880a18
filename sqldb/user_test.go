package sqldb_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestUsers(t *testing.T) {
	db := sqldbtest.New(t)
	if n, err := db.CountAdmins(ctx); err != nil || n != 0 {
		t.Fatalf("CountAdmins on an empty database = %d, %v", n, err)
	}
	u := &pokot.User{Email: "  Maija.Meikalainen@Example.FI", Name: "Maija Meikäläinen", PasswordHash: "$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA", Admin: true, Lang: "sv"}
	must(t, db.CreateUser(ctx, u))
	if u.ID == 0 || u.Email != "maija.meikalainen@example.fi" || u.Created.IsZero() {
		t.Fatalf("after create: %+v", u)
	}
	for _, email := range []string{"maija.meikalainen@example.fi", "MAIJA.meikalainen@example.fi ", " maija.meikalainen@EXAMPLE.fi"} {
		got, err := db.UserByEmail(ctx, email)
		must(t, err)
		if !reflect.DeepEqual(got, u) {
			t.Fatalf("UserByEmail(%q):\n got %+v\nwant %+v", email, got, u)
		}
	}
	got, err := db.UserByID(ctx, u.ID)
	must(t, err)
	if !reflect.DeepEqual(got, u) {
		t.Fatalf("UserByID:\n got %+v\nwant %+v", got, u)
	}
	plain := &pokot.User{Email: "learner@example.fi"}
	must(t, db.CreateUser(ctx, plain))
	if plain.Lang != pokot.Finnish {
		t.Fatalf("default language %q", plain.Lang)
	}
	if n, _ := db.CountAdmins(ctx); n != 1 {
		t.Fatalf("CountAdmins = %d, want 1", n)
	}

	u.Name, u.Lang, u.Admin = "Maija M.", pokot.English, false
	must(t, db.UpdateUser(ctx, u))
	must(t, db.SetPassword(ctx, u.ID, "new-hash"))
	got, _ = db.UserByID(ctx, u.ID)
	if got.Name != "Maija M." || got.Lang != pokot.English || got.Admin || got.PasswordHash != "new-hash" {
		t.Fatalf("after update: %+v", got)
	}
	if n, _ := db.CountAdmins(ctx); n != 0 {
		t.Fatalf("CountAdmins = %d, want 0", n)
	}
	all, err := db.Users(ctx)
	must(t, err)
	if len(all) != 2 || all[0].Email != "learner@example.fi" || all[1].ID != u.ID {
		t.Fatalf("Users = %+v", all)
	}

	tests := []struct {
		name string
		err  error
		code string
		key  string
	}{
		{"duplicate e-mail", db.CreateUser(ctx, &pokot.User{Email: "LEARNER@example.fi"}), pokot.ECONFLICT, "err.email_taken"},
		{"bad e-mail", db.CreateUser(ctx, &pokot.User{Email: "learner"}), pokot.EINVALID, "err.email_invalid"},
		{"bad language", db.CreateUser(ctx, &pokot.User{Email: "x@example.fi", Lang: "de"}), pokot.EINVALID, "err.lang_invalid"},
		{"update missing", db.UpdateUser(ctx, &pokot.User{ID: 9999}), pokot.ENOTFOUND, "err.not_found"},
		{"update bad language", db.UpdateUser(ctx, &pokot.User{ID: u.ID, Lang: "xx"}), pokot.EINVALID, "err.lang_invalid"},
		{"password of missing", db.SetPassword(ctx, 9999, "h"), pokot.ENOTFOUND, "err.not_found"},
		{"by missing id", second(db.UserByID(ctx, 9999)), pokot.ENOTFOUND, "err.not_found"},
		{"by missing e-mail", second(db.UserByEmail(ctx, "nobody@example.fi")), pokot.ENOTFOUND, "err.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.err, tt.code, tt.key) })
	}
	if _, err := db.UserByEmail(ctx, "x@example.fi"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("a rejected user was stored: %v", err)
	}
}

func TestIdentities(t *testing.T) {
	db := sqldbtest.New(t)
	a, b := newUser(t, db, "a"), newUser(t, db, "b")
	must(t, db.LinkIdentity(ctx, "entra", "sub-1", a.ID))
	must(t, db.LinkIdentity(ctx, "entra", "sub-1", a.ID)) // again: no error
	must(t, db.LinkIdentity(ctx, "google", "sub-1", b.ID))
	got, err := db.UserByIdentity(ctx, "entra", "sub-1")
	must(t, err)
	if got.ID != a.ID {
		t.Fatalf("UserByIdentity = %d, want %d", got.ID, a.ID)
	}
	got, _ = db.UserByIdentity(ctx, "google", "sub-1")
	if got.ID != b.ID {
		t.Fatalf("UserByIdentity(google) = %d, want %d", got.ID, b.ID)
	}
	wantCode(t, db.LinkIdentity(ctx, "entra", "sub-1", b.ID), pokot.ECONFLICT, "err.identity_taken")
	wantCode(t, db.LinkIdentity(ctx, "entra", "sub-2", 9999), pokot.ENOTFOUND)
	wantCode(t, db.LinkIdentity(ctx, "", "sub-3", a.ID), pokot.EINVALID)
	wantCode(t, second(db.UserByIdentity(ctx, "entra", "sub-2")), pokot.ENOTFOUND, "err.not_found")
	wantCode(t, second(db.UserByIdentity(ctx, "mpassid", "sub-1")), pokot.ENOTFOUND, "err.not_found")
}

func TestLoginTokens(t *testing.T) {
	db := sqldbtest.New(t)
	u := newUser(t, db, "u")
	exp := t0.Add(time.Hour)
	tok, err := db.CreateLoginToken(ctx, u.ID, "reset", exp)
	must(t, err)
	other, err := db.CreateLoginToken(ctx, u.ID, "reset", exp)
	must(t, err)
	if tok == other || len(tok) != 43 {
		t.Fatalf("tokens %q and %q", tok, other)
	}

	wantCode(t, second(db.UseLoginToken(ctx, tok, "signin", t0)), pokot.ENOTFOUND)    // other purpose
	wantCode(t, second(db.UseLoginToken(ctx, tok, "reset", exp)), pokot.ENOTFOUND)    // expired (at the instant)
	wantCode(t, second(db.UseLoginToken(ctx, tok+"x", "reset", t0)), pokot.ENOTFOUND) // unknown
	wantCode(t, second(db.UseLoginToken(ctx, "", "reset", t0)), pokot.ENOTFOUND)      // empty
	got, err := db.UseLoginToken(ctx, tok, "reset", exp.Add(-time.Microsecond))
	must(t, err)
	if got.ID != u.ID || got.Email != u.Email {
		t.Fatalf("UseLoginToken = %+v", got)
	}
	wantCode(t, second(db.UseLoginToken(ctx, tok, "reset", t0)), pokot.ENOTFOUND) // used
	if _, err := db.UseLoginToken(ctx, other, "reset", t0); err != nil {
		t.Fatalf("second token: %v", err)
	}
	wantCode(t, second(db.CreateLoginToken(ctx, 9999, "reset", exp)), pokot.ENOTFOUND)
	wantCode(t, second(db.CreateLoginToken(ctx, u.ID, "", exp)), pokot.EINVALID)
}
