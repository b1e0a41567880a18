package sqldb_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestOAuthClientCodeToken(t *testing.T) {
	db := sqldbtest.New(t)
	u := newUser(t, db, "Aino")
	c := &pokot.OAuthClient{Name: "Lompakko", RedirectURIs: []string{"https://wallet.example/cb"}, Scopes: pokot.OB3Scopes}
	secret, err := db.CreateOAuthClient(ctx, c)
	must(t, err)
	if c.ClientID == "" || secret == "" {
		t.Fatal("no client id or secret")
	}
	got, err := db.AuthenticateOAuthClient(ctx, c.ClientID, secret)
	must(t, err)
	if got.Name != "Lompakko" || len(got.Scopes) != 4 || got.RedirectURIs[0] != "https://wallet.example/cb" {
		t.Fatalf("client %+v", got)
	}
	_, err = db.AuthenticateOAuthClient(ctx, c.ClientID, secret+"x")
	wantCode(t, err, pokot.EUNAUTHORIZED)
	_, err = db.AuthenticateOAuthClient(ctx, "nobody", secret)
	wantCode(t, err, pokot.EUNAUTHORIZED)
	other := &pokot.OAuthClient{Name: "Toinen", RedirectURIs: []string{"https://other.example/cb"}}
	_, err = db.CreateOAuthClient(ctx, other)
	must(t, err)

	code := &pokot.OAuthCode{ClientID: c.ClientID, UserID: u.ID, RedirectURI: "https://wallet.example/cb",
		Scopes: []string{pokot.OB3ScopeCredentialRead}, Challenge: "ch", Expires: t0.Add(time.Minute)}
	secretCode, err := db.CreateOAuthCode(ctx, code)
	must(t, err)
	_, err = db.RedeemOAuthCode(ctx, other.ClientID, secretCode, t0)
	wantCode(t, err, pokot.ENOTFOUND) // another client's code
	rc, err := db.RedeemOAuthCode(ctx, c.ClientID, secretCode, t0)
	must(t, err)
	if rc.UserID != u.ID || rc.Challenge != "ch" || len(rc.Scopes) != 1 {
		t.Fatalf("code %+v", rc)
	}
	tok := &pokot.OAuthToken{ClientID: c.ClientID, UserID: u.ID, CodeID: rc.ID, Scopes: rc.Scopes,
		AccessExpires: t0.Add(time.Hour), RefreshExpires: t0.Add(24 * time.Hour)}
	access, refresh, err := db.CreateOAuthToken(ctx, tok)
	must(t, err)
	if _, err := db.OAuthTokenByAccess(ctx, access, t0); err != nil {
		t.Fatal(err)
	}
	_, err = db.OAuthTokenByAccess(ctx, access, t0.Add(time.Hour))
	wantCode(t, err, pokot.ENOTFOUND) // expired
	_, err = db.OAuthTokenByAccess(ctx, refresh, t0)
	wantCode(t, err, pokot.ENOTFOUND) // a refresh token is no access token

	// The code used again: refused, and the token it granted is revoked.
	_, err = db.RedeemOAuthCode(ctx, c.ClientID, secretCode, t0)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.OAuthTokenByAccess(ctx, access, t0)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.RefreshOAuthToken(ctx, c.ClientID, refresh, t0)
	wantCode(t, err, pokot.ENOTFOUND)

	// Refresh: once, by its own client, before it expires.
	tok2 := &pokot.OAuthToken{ClientID: c.ClientID, UserID: u.ID, Scopes: rc.Scopes,
		AccessExpires: t0.Add(time.Hour), RefreshExpires: t0.Add(24 * time.Hour)}
	access2, refresh2, err := db.CreateOAuthToken(ctx, tok2)
	must(t, err)
	_, err = db.RefreshOAuthToken(ctx, other.ClientID, refresh2, t0)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.RefreshOAuthToken(ctx, c.ClientID, refresh2, t0.Add(24*time.Hour))
	wantCode(t, err, pokot.ENOTFOUND)
	old, err := db.RefreshOAuthToken(ctx, c.ClientID, refresh2, t0)
	must(t, err)
	if old.ID != tok2.ID || old.UserID != u.ID {
		t.Fatalf("refreshed %+v", old)
	}
	_, err = db.RefreshOAuthToken(ctx, c.ClientID, refresh2, t0)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.OAuthTokenByAccess(ctx, access2, t0)
	wantCode(t, err, pokot.ENOTFOUND)

	// Revocation by the owning client only.
	tok3 := &pokot.OAuthToken{ClientID: c.ClientID, UserID: u.ID, Scopes: rc.Scopes,
		AccessExpires: t0.Add(time.Hour), RefreshExpires: t0.Add(24 * time.Hour)}
	access3, _, err := db.CreateOAuthToken(ctx, tok3)
	must(t, err)
	must(t, db.RevokeOAuthToken(ctx, other.ClientID, access3, t0))
	if _, err := db.OAuthTokenByAccess(ctx, access3, t0); err != nil {
		t.Fatal("another client revoked the token")
	}
	must(t, db.RevokeOAuthToken(ctx, c.ClientID, access3, t0))
	_, err = db.OAuthTokenByAccess(ctx, access3, t0)
	wantCode(t, err, pokot.ENOTFOUND)
}

func TestOAuthCodeExpires(t *testing.T) {
	db := sqldbtest.New(t)
	u := newUser(t, db, "Aino")
	c := &pokot.OAuthClient{Name: "Lompakko", RedirectURIs: []string{"https://wallet.example/cb"}}
	_, err := db.CreateOAuthClient(ctx, c)
	must(t, err)
	code, err := db.CreateOAuthCode(ctx, &pokot.OAuthCode{ClientID: c.ClientID, UserID: u.ID,
		RedirectURI: "https://wallet.example/cb", Challenge: "ch", Expires: t0.Add(time.Minute)})
	must(t, err)
	_, err = db.RedeemOAuthCode(ctx, c.ClientID, code, t0.Add(time.Minute))
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.CreateOAuthClient(ctx, &pokot.OAuthClient{Name: " ", RedirectURIs: []string{"https://x/"}})
	wantCode(t, err, pokot.EINVALID)
}
