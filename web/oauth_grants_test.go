package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// approveApp lets the signed-in browser's user allow client id the scope, and exchanges
// the code: it returns the access and refresh tokens.
func approveApp(t *testing.T, e *env, b *browser, id, secret, scope string) (access, refresh string) {
	t.Helper()
	verifier := strings.Repeat("w", 50)
	authz := authorizeURL(id, scope, challengeOf(verifier), "s")
	if r := b.get(authz); r.StatusCode != http.StatusOK {
		t.Fatalf("consent page: %d", r.StatusCode)
	}
	u, _ := url.Parse(authz)
	form := url.Values{"decision": {"approve"}}
	for k := range u.Query() {
		form.Set(k, u.Query().Get(k))
	}
	r := b.post("/oauth/authorize", form)
	loc, _ := url.Parse(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || loc.Query().Get("code") == "" {
		t.Fatalf("approve: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	st, tok := tokenCall(t, e, id, secret, url.Values{"grant_type": {"authorization_code"}, "code": {loc.Query().Get("code")},
		"redirect_uri": {oauthRedirect}, "code_verifier": {verifier}})
	if st != http.StatusOK {
		t.Fatalf("token: %d %v", st, tok)
	}
	return tok["access_token"].(string), tok["refresh_token"].(string)
}

// TestOAuthGrantsPage: a learner sees the apps they have allowed (name, what each may do,
// since when) and withdraws one; its tokens stop working at once, the other app's do not,
// and another learner can neither see nor withdraw the grant.
func TestOAuthGrantsPage(t *testing.T) {
	e := newEnv(t)
	e.user("aino@example.fi", "Aino Learner", false)
	e.user("bertta@example.fi", "Bertta Learner", false)
	walletID, walletSecret := oauthClient(t, e, "Osaamislompakko")
	otherID, otherSecret := oauthClient(t, e, "Toinen sovellus")

	// Anonymous visitors sign in first.
	anon := e.browser()
	if r := anon.get("/oauth/grants"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/signin") {
		t.Fatalf("anonymous: %d %s", r.StatusCode, r.Header.Get("Location"))
	}

	b := e.browser()
	b.signin("aino@example.fi")
	r := b.get("/oauth/grants")
	wantStatus(t, r, http.StatusOK)
	if !strings.Contains(r.body, "Et ole antanut lupaa yhdellekään sovellukselle") {
		t.Fatalf("no empty state:\n%s", r.body)
	}
	access, refresh := approveApp(t, e, b, walletID, walletSecret, pokot.OB3ScopeCredentialRead+" "+pokot.OB3ScopeProfileRead)
	otherAccess, _ := approveApp(t, e, b, otherID, otherSecret, pokot.OB3ScopeCredentialRead+" "+pokot.OB3ScopeCredentialUpsert)

	r = b.get("/oauth/grants")
	wantStatus(t, r, http.StatusOK)
	body := html.UnescapeString(r.body)
	for _, want := range []string{"Osaamislompakko", "Toinen sovellus", "nähdä kaikki osaamismerkkisi", "nähdä nimesi ja sähköpostiosoitteesi",
		"lisätä osaamismerkkejä", "Lupa annettu", "wallet.example", `action="/oauth/grants/` + walletID + `/revoke"`} {
		if !strings.Contains(body, want) {
			t.Errorf("grants page lacks %q", want)
		}
	}
	if r := b.get("/oauth/grants?lang=sv"); !strings.Contains(r.body, "Appar som du har gett tillstånd") {
		t.Error("no Swedish title")
	}
	b.get("/oauth/grants?lang=fi")

	// Bertta sees none of it and cannot withdraw Aino's permission.
	other := e.browser()
	other.signin("bertta@example.fi")
	if r := other.get("/oauth/grants"); strings.Contains(r.body, "Osaamislompakko") {
		t.Error("another learner sees Aino's grant")
	}
	r = other.post("/oauth/grants/"+walletID+"/revoke", nil)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("Bertta's revoke: %d", r.StatusCode)
	}
	if res, _ := apiCall(t, e, "GET", "/ims/ob/v3p0/credentials", access, "", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("Bertta withdrew Aino's permission: %d", res.StatusCode)
	}

	// Without the CSRF token nothing happens.
	if r := b.post("/oauth/grants/"+walletID+"/revoke", url.Values{"csrf": {"forged"}}); r.StatusCode != http.StatusForbidden {
		t.Fatalf("forged CSRF: %d", r.StatusCode)
	}
	if res, _ := apiCall(t, e, "GET", "/ims/ob/v3p0/credentials", access, "", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("token after a forged revoke: %d", res.StatusCode)
	}

	b.get("/oauth/grants")
	r = b.post("/oauth/grants/"+walletID+"/revoke", nil)
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/oauth/grants" {
		t.Fatalf("revoke: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r = b.get("/oauth/grants")
	if !strings.Contains(r.body, "Lupa on peruttu") || strings.Contains(r.body, "Osaamislompakko") || !strings.Contains(r.body, "Toinen sovellus") {
		t.Fatalf("after revoking:\n%s", r.body)
	}
	// At once: the access token is refused and the refresh token cannot make a new one.
	if res, _ := apiCall(t, e, "GET", "/ims/ob/v3p0/credentials", access, "", nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("revoked access token: %d", res.StatusCode)
	}
	if st, out := tokenCall(t, e, walletID, walletSecret, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}}); st != http.StatusBadRequest {
		t.Fatalf("revoked refresh token: %d %v", st, out)
	}
	if res, _ := apiCall(t, e, "GET", "/ims/ob/v3p0/credentials", otherAccess, "", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("the other app lost its permission too: %d", res.StatusCode)
	}
	// A second click (another tab) is harmless.
	r = b.post("/oauth/grants/"+walletID+"/revoke", nil)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("second revoke: %d", r.StatusCode)
	}
	if r := b.get("/oauth/grants"); !strings.Contains(r.body, "Sovelluksella ei ollut enää lupaa") {
		t.Error("no message after a second revoke")
	}
}
