package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pokot/pokot/web"
)

// fakeOIDC stands in for a provider: AuthURL records state and nonce, Exchange returns the
// identity for code "good" only when the nonce matches. The real flow is tested in package oidc.
type fakeOIDC struct {
	id    web.Identity
	state string
	nonce string
}

func (f *fakeOIDC) ID() string   { return "testidp" }
func (f *fakeOIDC) Name() string { return "Test IdP" }
func (f *fakeOIDC) AuthURL(state, nonce, redirectURL string) string {
	f.state, f.nonce = state, nonce
	return "https://idp.example/authorize?state=" + url.QueryEscape(state) + "&redirect_uri=" + url.QueryEscape(redirectURL)
}
func (f *fakeOIDC) Exchange(ctx context.Context, code, nonce, redirectURL string) (web.Identity, error) {
	if code != "good" || nonce != f.nonce || redirectURL != "http://pokot.test/auth/oidc/testidp/callback" {
		return web.Identity{}, errors.New("bad code, nonce or redirect")
	}
	return f.id, nil
}

func TestOIDC(t *testing.T) {
	t.Parallel()
	idp := &fakeOIDC{}
	e := newEnv(t, func(d *webDeps) { d.OIDC = []web.OIDCLogin{idp} })
	u := e.user("maija@hamk.fi", "Maija", false)

	start := func(b *browser) string {
		t.Helper()
		r := b.get("/auth/oidc/testidp?next=/profile")
		wantStatus(t, r, http.StatusSeeOther)
		wantLocation(t, r, "https://idp.example/authorize?state=")
		return idp.state
	}
	b := e.browser()
	wantBody(t, b.get("/signin?next=/profile"), `href="/auth/oidc/testidp?next=%2fprofile"`, "Test IdP")

	// Unverified e-mail of an unknown subject: refused, nobody created or signed in.
	idp.id = web.Identity{Subject: "sub-1", Email: "maija@hamk.fi", EmailVerified: false}
	state := start(b)
	r := b.get("/auth/oidc/testidp/callback?code=good&state=" + url.QueryEscape(state))
	wantStatus(t, r, http.StatusForbidden)
	wantBody(t, r, "Tähän tunnukseen ei ole liitetty POKOT-tunnusta")
	if b.cookie("pokot_session") != "" {
		t.Fatal("signed in with an unverified e-mail")
	}

	// Wrong state: refused before the code is exchanged.
	idp.id.EmailVerified = true
	start(b)
	r = b.get("/auth/oidc/testidp/callback?code=good&state=forged")
	wantStatus(t, r, http.StatusBadRequest)
	if b.cookie("pokot_session") != "" {
		t.Fatal("signed in with a forged state")
	}
	// The provider reports an error (the user cancelled).
	state = start(b)
	r = b.get("/auth/oidc/testidp/callback?error=access_denied&state=" + url.QueryEscape(state))
	wantStatus(t, r, http.StatusUnauthorized)
	wantBody(t, r, "keskeytettiin")

	// Verified e-mail of an existing user: linked and signed in, back to ?next.
	state = start(b)
	r = b.get("/auth/oidc/testidp/callback?code=good&state=" + url.QueryEscape(state))
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/profile")
	wantBody(t, b.get("/profile"), "maija@hamk.fi")
	if got, err := e.db.UserByIdentity(ctx, "testidp", "sub-1"); err != nil || got.ID != u.ID {
		t.Fatalf("identity not linked: %v", err)
	}

	// Next time the subject alone is enough, even if the provider's e-mail changed.
	idp.id = web.Identity{Subject: "sub-1", Email: "maija.uusi@hamk.fi"}
	b2 := e.browser()
	state = start(b2)
	r = b2.get("/auth/oidc/testidp/callback?code=good&state=" + url.QueryEscape(state))
	wantStatus(t, r, http.StatusSeeOther)

	// A state cookie is single-use: replaying the callback fails.
	r = b2.get("/auth/oidc/testidp/callback?code=good&state=" + url.QueryEscape(state))
	wantStatus(t, r, http.StatusBadRequest)

	// A failed code exchange is a clear message, not an error page.
	b3 := e.browser()
	state = start(b3)
	r = b3.get("/auth/oidc/testidp/callback?code=bad&state=" + url.QueryEscape(state))
	wantStatus(t, r, http.StatusUnauthorized)
	wantBody(t, r, "ei onnistunut")
	if strings.Contains(r.body, "bad code") {
		t.Fatal("internal error text shown to the user")
	}
	wantStatus(t, b3.get("/auth/oidc/nosuch"), http.StatusNotFound)
}
