package sqldb_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestAPITokens(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	u, v := newUser(t, db, "u"), newUser(t, db, "v")
	exp := t0.Add(24 * time.Hour)
	tok := &pokot.APIToken{UserID: u.ID, Name: " CI ", Scopes: []pokot.Scope{pokot.ScopeRead, pokot.ScopeWrite}, Expires: &exp}
	secret, err := db.CreateAPIToken(ctx, tok)
	must(t, err)
	if len(secret) != 43 || tok.ID == 0 || tok.Name != "CI" || !strings.HasPrefix(secret, tok.Prefix) || len(tok.Prefix) != 8 {
		t.Fatalf("CreateAPIToken = %q, %+v", secret, tok)
	}
	forever := &pokot.APIToken{UserID: u.ID, Name: "read only", Scopes: []pokot.Scope{pokot.ScopeRead}}
	secret2, err := db.CreateAPIToken(ctx, forever)
	must(t, err)

	now := t0.Add(time.Hour)
	got, err := db.APITokenBySecret(ctx, secret, now)
	must(t, err)
	if got.ID != tok.ID || got.UserID != u.ID || !got.Has(pokot.ScopeWrite) || !got.Has(pokot.ScopeRead) ||
		got.LastUsed == nil || !got.LastUsed.Equal(us(now)) || got.Expires == nil || !got.Expires.Equal(us(exp)) || got.Revoked != nil {
		t.Fatalf("APITokenBySecret = %+v", got)
	}
	// A second call within a minute does not write LastUsed again.
	again, err := db.APITokenBySecret(ctx, secret, now.Add(30*time.Second))
	must(t, err)
	if again.LastUsed == nil || !again.LastUsed.Equal(us(now)) {
		t.Fatalf("LastUsed moved within a minute: %v", again.LastUsed)
	}
	stored, err := db.APITokens(ctx, u.ID)
	must(t, err)
	for _, st := range stored {
		if st.ID == tok.ID && (st.LastUsed == nil || !st.LastUsed.Equal(us(now))) {
			t.Fatalf("stored LastUsed = %v, want %v", st.LastUsed, us(now))
		}
	}
	got, err = db.APITokenBySecret(ctx, secret2, exp.Add(1000*time.Hour))
	must(t, err)
	if got.Has(pokot.ScopeWrite) || got.Expires != nil {
		t.Fatalf("read-only token = %+v", got)
	}

	wantCode(t, second(db.APITokenBySecret(ctx, secret, exp)), pokot.ENOTFOUND, "err.not_found") // expired
	wantCode(t, second(db.APITokenBySecret(ctx, tok.Prefix, now)), pokot.ENOTFOUND)              // the prefix is not the secret
	wantCode(t, second(db.APITokenBySecret(ctx, "", now)), pokot.ENOTFOUND)

	list, err := db.APITokens(ctx, u.ID)
	must(t, err)
	if len(list) != 2 || list[0].ID != forever.ID || list[1].ID != tok.ID {
		t.Fatalf("APITokens = %+v", list)
	}
	if list, _ := db.APITokens(ctx, v.ID); len(list) != 0 {
		t.Fatalf("other user's tokens: %+v", list)
	}

	wantCode(t, db.RevokeAPIToken(ctx, v.ID, tok.ID, now), pokot.ENOTFOUND) // not v's token
	must(t, db.RevokeAPIToken(ctx, u.ID, tok.ID, now))
	wantCode(t, db.RevokeAPIToken(ctx, u.ID, tok.ID, now), pokot.ENOTFOUND) // already revoked
	wantCode(t, second(db.APITokenBySecret(ctx, secret, now)), pokot.ENOTFOUND)
	list, _ = db.APITokens(ctx, u.ID)
	if list[1].Revoked == nil || !list[1].Revoked.Equal(us(now)) {
		t.Fatalf("revoked token listed as %+v", list[1])
	}

	tests := []struct {
		name string
		tok  pokot.APIToken
		code string
		key  string
	}{
		{"no name", pokot.APIToken{UserID: u.ID, Scopes: []pokot.Scope{pokot.ScopeRead}}, pokot.EINVALID, "err.required"},
		{"no scopes", pokot.APIToken{UserID: u.ID, Name: "x"}, pokot.EINVALID, "err.scope_required"},
		{"unknown scope", pokot.APIToken{UserID: u.ID, Name: "x", Scopes: []pokot.Scope{"admin"}}, pokot.EINVALID, "err.scope_invalid"},
		{"missing user", pokot.APIToken{UserID: 9999, Name: "x", Scopes: []pokot.Scope{pokot.ScopeRead}}, pokot.ENOTFOUND, "err.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.CreateAPIToken(ctx, &tt.tok)
			wantCode(t, err, tt.code, tt.key)
		})
	}
}
