package sqldb_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// TestOAuthGrants lists a user's grants per client (scopes merged across tokens, dated by
// the code they began with), leaves out revoked and expired ones and other users', and
// revokes one client's grant at once: tokens and unredeemed codes.
func TestOAuthGrants(t *testing.T) {
	db := sqldbtest.New(t)
	aino, bertta := newUser(t, db, "Aino"), newUser(t, db, "Bertta")
	client := func(name string) *pokot.OAuthClient {
		c := &pokot.OAuthClient{Name: name, RedirectURIs: []string{"https://wallet.example/cb"}, Scopes: pokot.OB3Scopes}
		_, err := db.CreateOAuthClient(ctx, c)
		must(t, err)
		return c
	}
	wallet, other, expired := client("Lompakko"), client("Toinen"), client("Vanha")
	grant := func(c *pokot.OAuthClient, u *pokot.User, at time.Time, refreshFor time.Duration, scopes ...string) (access, code string) {
		t.Helper()
		k := &pokot.OAuthCode{ClientID: c.ClientID, UserID: u.ID, RedirectURI: "https://wallet.example/cb", Scopes: scopes,
			Challenge: "ch", Expires: at.Add(time.Minute)}
		code, err := db.CreateOAuthCode(ctx, k)
		must(t, err)
		rc, err := db.RedeemOAuthCode(ctx, c.ClientID, code, at)
		must(t, err)
		access, _, err = db.CreateOAuthToken(ctx, &pokot.OAuthToken{ClientID: c.ClientID, UserID: u.ID, CodeID: rc.ID, Scopes: scopes,
			AccessExpires: at.Add(time.Hour), RefreshExpires: at.Add(refreshFor)})
		must(t, err)
		return access, code
	}
	now := time.Now().UTC()
	walletAccess, _ := grant(wallet, aino, now, 24*time.Hour, pokot.OB3ScopeCredentialRead)
	grant(wallet, aino, now, 24*time.Hour, pokot.OB3ScopeProfileRead, pokot.OB3ScopeCredentialRead)
	otherAccess, _ := grant(other, aino, now, 24*time.Hour, pokot.OB3ScopeCredentialUpsert)
	grant(expired, aino, now.Add(-48*time.Hour), 24*time.Hour, pokot.OB3ScopeCredentialRead)
	grant(wallet, bertta, now, 24*time.Hour, pokot.OB3ScopeProfileUpdate)

	gs, err := db.OAuthGrants(ctx, aino.ID, now)
	must(t, err)
	if len(gs) != 2 {
		t.Fatalf("%d grants, want 2 (the expired one left out): %+v", len(gs), gs)
	}
	byName := map[string]*pokot.OAuthGrant{}
	for _, g := range gs {
		byName[g.Client.Name] = g
	}
	w := byName["Lompakko"]
	if w == nil || len(w.Scopes) != 2 || w.Scopes[0] != pokot.OB3ScopeCredentialRead || w.Scopes[1] != pokot.OB3ScopeProfileRead ||
		w.Granted.IsZero() || w.Client.RedirectURIs[0] != "https://wallet.example/cb" {
		t.Fatalf("wallet grant %+v", w)
	}
	if o := byName["Toinen"]; o == nil || len(o.Scopes) != 1 || o.Scopes[0] != pokot.OB3ScopeCredentialUpsert {
		t.Fatalf("other grant %+v", o)
	}

	// An authorization given but not yet exchanged for a token goes with the grant too.
	pending := &pokot.OAuthCode{ClientID: wallet.ClientID, UserID: aino.ID, RedirectURI: "https://wallet.example/cb",
		Scopes: []string{pokot.OB3ScopeCredentialRead}, Challenge: "ch", Expires: now.Add(time.Minute)}
	pendingCode, err := db.CreateOAuthCode(ctx, pending)
	must(t, err)

	must(t, db.RevokeOAuthGrant(ctx, aino.ID, wallet.ClientID, now))
	_, err = db.OAuthTokenByAccess(ctx, walletAccess, now)
	wantCode(t, err, pokot.ENOTFOUND)
	_, err = db.RedeemOAuthCode(ctx, wallet.ClientID, pendingCode, now)
	wantCode(t, err, pokot.ENOTFOUND)
	if _, err := db.OAuthTokenByAccess(ctx, otherAccess, now); err != nil {
		t.Fatalf("another client's token went too: %v", err)
	}
	gs, err = db.OAuthGrants(ctx, aino.ID, now)
	must(t, err)
	if len(gs) != 1 || gs[0].Client.Name != "Toinen" {
		t.Fatalf("after revoking: %+v", gs)
	}
	// Bertta's grant to the same client is hers alone.
	if gs, err := db.OAuthGrants(ctx, bertta.ID, now); err != nil || len(gs) != 1 || gs[0].Client.Name != "Lompakko" {
		t.Fatalf("Bertta's grants: %+v %v", gs, err)
	}
	wantCode(t, db.RevokeOAuthGrant(ctx, aino.ID, wallet.ClientID, now), pokot.ENOTFOUND)
	wantCode(t, db.RevokeOAuthGrant(ctx, aino.ID, expired.ClientID, now), pokot.ENOTFOUND)
	wantCode(t, db.RevokeOAuthGrant(ctx, aino.ID, "no-such-client", now), pokot.ENOTFOUND)
}

// TestOAuthGrantWithdrawnMidRefresh: the app has rotated its refresh token (the old token
// is revoked, the new one not yet stored) when the user withdraws the grant. The
// withdrawal must still take (there is no live token at that moment), and the new token
// must then be refused, so that the app is left with nothing.
func TestOAuthGrantWithdrawnMidRefresh(t *testing.T) {
	db := sqldbtest.New(t)
	u := newUser(t, db, "Aino")
	c := &pokot.OAuthClient{Name: "Lompakko", RedirectURIs: []string{"https://wallet.example/cb"}, Scopes: pokot.OB3Scopes}
	_, err := db.CreateOAuthClient(ctx, c)
	must(t, err)
	now := time.Now().UTC()
	code, err := db.CreateOAuthCode(ctx, &pokot.OAuthCode{ClientID: c.ClientID, UserID: u.ID, RedirectURI: "https://wallet.example/cb",
		Scopes: []string{pokot.OB3ScopeCredentialRead}, Challenge: "ch", Expires: now.Add(time.Minute)})
	must(t, err)
	rc, err := db.RedeemOAuthCode(ctx, c.ClientID, code, now)
	must(t, err)
	tok := func(codeID int64) (string, string, error) {
		return db.CreateOAuthToken(ctx, &pokot.OAuthToken{ClientID: c.ClientID, UserID: u.ID, CodeID: codeID,
			Scopes: []string{pokot.OB3ScopeCredentialRead}, AccessExpires: now.Add(time.Hour), RefreshExpires: now.Add(24 * time.Hour)})
	}
	_, refresh, err := tok(rc.ID)
	must(t, err)

	old, err := db.RefreshOAuthToken(ctx, c.ClientID, refresh, now)
	must(t, err)
	must(t, db.RevokeOAuthGrant(ctx, u.ID, c.ClientID, now))
	if _, _, err := tok(old.CodeID); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("a token made from a withdrawn grant: %v, want ENOTFOUND", err)
	}
	if gs, err := db.OAuthGrants(ctx, u.ID, now); err != nil || len(gs) != 0 {
		t.Fatalf("grants after the withdrawal: %v %v", gs, err)
	}
	// Withdrawing again finds nothing left.
	if err := db.RevokeOAuthGrant(ctx, u.ID, c.ClientID, now); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("second withdrawal: %v, want ENOTFOUND", err)
	}
	// A new authorization by the user makes a new, working grant.
	code2, err := db.CreateOAuthCode(ctx, &pokot.OAuthCode{ClientID: c.ClientID, UserID: u.ID, RedirectURI: "https://wallet.example/cb",
		Scopes: []string{pokot.OB3ScopeCredentialRead}, Challenge: "ch", Expires: now.Add(time.Minute)})
	must(t, err)
	rc2, err := db.RedeemOAuthCode(ctx, c.ClientID, code2, now)
	must(t, err)
	if _, _, err := tok(rc2.ID); err != nil {
		t.Fatalf("a new grant after a withdrawal: %v", err)
	}
}
