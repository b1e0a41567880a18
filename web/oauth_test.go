package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

const oauthRedirect = "https://wallet.example/callback"

// oauthClient registers a client through the site and returns its id and secret.
func oauthClient(t *testing.T, e *env, name string) (id, secret string) {
	t.Helper()
	b, _ := json.Marshal(map[string]any{"client_name": name, "redirect_uris": []string{oauthRedirect},
		"client_uri": "https://wallet.example/"})
	res, err := http.Post(e.srv.URL+"/oauth/register", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("register: %d %v", res.StatusCode, out)
	}
	return out["client_id"].(string), out["client_secret"].(string)
}

func authorizeURL(clientID, scope, challenge, state string) string {
	return "/oauth/authorize?" + url.Values{"response_type": {"code"}, "client_id": {clientID},
		"redirect_uri": {oauthRedirect}, "scope": {scope}, "state": {state},
		"code_challenge": {challenge}, "code_challenge_method": {"S256"}}.Encode()
}

func challengeOf(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// apiCall makes a request to the site with a bearer token (or a form for the token
// endpoint with client credentials).
func apiCall(t *testing.T, e *env, method, path, token, contentType string, body []byte) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func tokenCall(t *testing.T, e *env, id, secret string, form url.Values) (int, map[string]any) {
	t.Helper()
	form.Set("client_id", id)
	form.Set("client_secret", secret)
	res, b := apiCall(t, e, "POST", "/oauth/token", "", "application/x-www-form-urlencoded", []byte(form.Encode()))
	var out map[string]any
	json.Unmarshal(b, &out)
	return res.StatusCode, out
}

// oauthCredential is a minimal OpenBadgeCredential (structure only: the API checks the
// structure of what is posted, not the proof).
func oauthCredential(id, name string) []byte {
	b, _ := json.Marshal(map[string]any{
		"@context":  []string{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        id,
		"type":      []string{"VerifiableCredential", "OpenBadgeCredential"},
		"issuer":    map[string]any{"id": "https://issuer.example/", "type": []string{"Profile"}, "name": "Esimerkkiopisto"},
		"validFrom": "2025-01-01T00:00:00Z",
		"name":      name,
		"credentialSubject": map[string]any{"id": "did:example:learner", "type": []string{"AchievementSubject"},
			"achievement": map[string]any{"id": "https://issuer.example/a/1", "type": []string{"Achievement"}, "name": name,
				"description": "Kuvaus", "criteria": map[string]any{"narrative": "Kriteerit"}}},
	})
	return b
}

// TestOAuthFlowThroughTheSite runs the whole authorization code flow on the real site: a
// wallet registers, the learner signs in, sees the consent page and approves with the
// form's CSRF token, the wallet exchanges the code with its PKCE verifier, reads and adds
// credentials with paging headers, and refreshes its token.
func TestOAuthFlowThroughTheSite(t *testing.T) {
	e := newEnv(t)
	e.user("aino@example.fi", "Aino Learner", false)
	e.user("bertta@example.fi", "Bertta Learner", false)
	id, secret := oauthClient(t, e, "Osaamislompakko")
	scope := pokot.OB3ScopeCredentialRead + " " + pokot.OB3ScopeCredentialUpsert
	verifier := strings.Repeat("v", 50)
	authz := authorizeURL(id, scope, challengeOf(verifier), "st4te")

	// Anonymous: to the sign-in page, and back to the same request afterwards.
	b := e.browser()
	r := b.get(authz)
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/signin?next=") {
		t.Fatalf("anonymous: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	next, _ := url.Parse(r.Header.Get("Location"))
	b.get(r.Header.Get("Location"))
	r = b.post("/signin", url.Values{"email": {"aino@example.fi"}, "password": {testPassword}, "next": {next.Query().Get("next")}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != authz {
		t.Fatalf("after sign-in: %d %s, want %s", r.StatusCode, r.Header.Get("Location"), authz)
	}
	r = b.get(authz)
	if r.StatusCode != http.StatusOK {
		t.Fatalf("consent page: %d\n%s", r.StatusCode, r.body)
	}
	for _, want := range []string{"Osaamislompakko", "nähdä kaikki osaamismerkkisi", "lisätä osaamismerkkejä", "wallet.example", "Aino Learner"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("consent page lacks %q", want)
		}
	}
	if strings.Contains(r.body, "nimesi ja sähköpostiosoitteesi") {
		t.Error("consent page lists a scope that was not asked for")
	}
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' https://wallet.example;") {
		t.Errorf("CSP %q does not let the form return to the wallet", csp)
	}
	form := url.Values{"decision": {"approve"}}
	for _, k := range []string{"response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"} {
		u, _ := url.Parse(authz)
		form.Set(k, u.Query().Get(k))
	}
	// Without the CSRF token nothing happens.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("csrf", "forged")
	if r := b.post("/oauth/authorize", bad); r.StatusCode != http.StatusForbidden {
		t.Fatalf("forged CSRF: %d", r.StatusCode)
	}
	r = b.post("/oauth/authorize", form)
	loc, _ := url.Parse(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc.String(), oauthRedirect+"?") || loc.Query().Get("state") != "st4te" || loc.Query().Get("code") == "" {
		t.Fatalf("approve: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	code := loc.Query().Get("code")

	st, tok := tokenCall(t, e, id, secret, url.Values{"grant_type": {"authorization_code"}, "code": {code},
		"redirect_uri": {oauthRedirect}, "code_verifier": {verifier}})
	if st != http.StatusOK || tok["scope"] != scope {
		t.Fatalf("token: %d %v", st, tok)
	}
	access, refresh := tok["access_token"].(string), tok["refresh_token"].(string)

	// Upsert: 201, then 200 for the same id.
	for i := range 3 {
		res, body := apiCall(t, e, "POST", "/ims/ob/v3p0/credentials", access, "application/json",
			oauthCredential(fmt.Sprintf("urn:uuid:11111111-0000-4000-8000-00000000000%d", i), "Merkki"))
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("upsert %d: %d %s", i, res.StatusCode, body)
		}
		e.advance(1e9)
	}
	res, body := apiCall(t, e, "POST", "/ims/ob/v3p0/credentials", access, "application/json",
		oauthCredential("urn:uuid:11111111-0000-4000-8000-000000000000", "Merkki, uusi"))
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Merkki, uusi") {
		t.Fatalf("replace: %d %s", res.StatusCode, body)
	}
	res, body = apiCall(t, e, "GET", "/ims/ob/v3p0/credentials?limit=2", access, "", nil)
	var page struct{ Credential []map[string]any }
	json.Unmarshal(body, &page)
	if res.StatusCode != 200 || len(page.Credential) != 2 || res.Header.Get("X-Total-Count") != "3" ||
		!strings.Contains(res.Header.Get("Link"), `<http://pokot.test/ims/ob/v3p0/credentials?limit=2&offset=2>; rel="next"`) {
		t.Fatalf("list: %d %s %q %s", res.StatusCode, res.Header.Get("X-Total-Count"), res.Header.Get("Link"), body)
	}

	// Refresh: a new pair; the old refresh token is spent.
	st, tok = tokenCall(t, e, id, secret, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}})
	if st != http.StatusOK {
		t.Fatalf("refresh: %d %v", st, tok)
	}
	if res, _ := apiCall(t, e, "GET", "/ims/ob/v3p0/credentials", tok["access_token"].(string), "", nil); res.StatusCode != 200 {
		t.Fatalf("refreshed token: %d", res.StatusCode)
	}
	if st, _ := tokenCall(t, e, id, secret, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}}); st != http.StatusBadRequest {
		t.Fatalf("old refresh token: %d", st)
	}

	// Bertta approves the same wallet and sees none of Aino's credentials.
	b2 := e.browser()
	b2.signin("bertta@example.fi")
	v2 := strings.Repeat("w", 60)
	authz2 := authorizeURL(id, pokot.OB3ScopeCredentialRead, challengeOf(v2), "")
	b2.get(authz2)
	form2 := url.Values{"decision": {"approve"}}
	u2, _ := url.Parse(authz2)
	for k, v := range u2.Query() {
		form2[k] = v
	}
	r = b2.post("/oauth/authorize", form2)
	loc, _ = url.Parse(r.Header.Get("Location"))
	st, tok = tokenCall(t, e, id, secret, url.Values{"grant_type": {"authorization_code"}, "code": {loc.Query().Get("code")},
		"redirect_uri": {oauthRedirect}, "code_verifier": {v2}})
	if st != 200 {
		t.Fatalf("Bertta's token: %d %v", st, tok)
	}
	res, body = apiCall(t, e, "GET", "/ims/ob/v3p0/credentials", tok["access_token"].(string), "", nil)
	if res.Header.Get("X-Total-Count") != "0" || strings.Contains(string(body), "urn:uuid:1111") {
		t.Fatalf("Bertta sees Aino's credentials: %s %s", res.Header.Get("X-Total-Count"), body)
	}
	// And her read-only token cannot add any.
	if res, _ := apiCall(t, e, "POST", "/ims/ob/v3p0/credentials", tok["access_token"].(string), "application/json", oauthCredential("urn:uuid:x", "x")); res.StatusCode != 403 {
		t.Fatalf("upsert without the scope: %d", res.StatusCode)
	}
}

func TestOAuthConsentDenyAndErrors(t *testing.T) {
	e := newEnv(t)
	e.user("aino@example.fi", "Aino Learner", false)
	id, _ := oauthClient(t, e, "Lompakko")
	b := e.browser()
	b.signin("aino@example.fi")
	authz := authorizeURL(id, pokot.OB3ScopeProfileRead, challengeOf(strings.Repeat("x", 43)), "abc")

	// In Swedish and English too.
	for lang, want := range map[string]string{"sv": "se ditt namn och din e-postadress", "en": "see your name and e-mail address"} {
		r := b.get(authz + "&lang=" + lang)
		if r.StatusCode != 200 || !strings.Contains(r.body, want) {
			t.Errorf("%s consent page lacks %q", lang, want)
		}
	}
	b.get(authz + "&lang=fi")
	u, _ := url.Parse(authz)
	form := url.Values{"decision": {"deny"}}
	for k, v := range u.Query() {
		form[k] = v
	}
	r := b.post("/oauth/authorize", form)
	loc, _ := url.Parse(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || loc.Query().Get("error") != "access_denied" || loc.Query().Get("state") != "abc" || loc.Query().Get("code") != "" {
		t.Fatalf("deny: %d %s", r.StatusCode, r.Header.Get("Location"))
	}

	// A foreign redirect URI or an unknown client: an error page here, no redirect.
	for name, q := range map[string]string{
		"foreign redirect": strings.Replace(authz, url.QueryEscape(oauthRedirect), url.QueryEscape("https://evil.example/cb"), 1),
		"unknown client":   strings.Replace(authz, "client_id="+id, "client_id=nobody", 1),
	} {
		r := b.get(q)
		if r.StatusCode != http.StatusBadRequest || r.Header.Get("Location") != "" || !strings.Contains(r.body, "Pyyntöä ei voi käsitellä") {
			t.Errorf("%s: %d %s", name, r.StatusCode, r.Header.Get("Location"))
		}
	}
	// Without PKCE: back to the client with the error.
	r = b.get(strings.Replace(authz, "code_challenge_method=S256", "code_challenge_method=plain", 1))
	loc, _ = url.Parse(r.Header.Get("Location"))
	if r.StatusCode != http.StatusSeeOther || loc.Query().Get("error") != "invalid_request" {
		t.Fatalf("plain PKCE: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	// The privacy notice the discovery document links to.
	if r := b.get("/oauth/privacy"); r.StatusCode != 200 || !strings.Contains(r.body, "Open Badges 3.0") {
		t.Fatalf("privacy: %d", r.StatusCode)
	}
	res, body := apiCall(t, e, "GET", "/ims/ob/v3p0/discovery", "", "", nil)
	if res.StatusCode != 200 || !strings.Contains(string(body), `"http://pokot.test/oauth/register"`) {
		t.Fatalf("discovery: %d %s", res.StatusCode, body)
	}
}

// TestOAuthConsentScreenshot renders the consent page with headless Chromium when
// OAUTH_SHOT names a directory (a look, not a check).
func TestOAuthConsentScreenshot(t *testing.T) {
	dir := os.Getenv("OAUTH_SHOT")
	if dir == "" {
		t.Skip("set OAUTH_SHOT=dir to take the screenshot")
	}
	e := newEnv(t)
	e.user("aino@example.fi", "Aino Virtanen", false)
	id, _ := oauthClient(t, e, "Osaamislompakko")
	b := e.browser()
	b.signin("aino@example.fi")
	for _, lang := range []string{"fi", "sv", "en"} {
		r := b.get(authorizeURL(id, strings.Join(pokot.OB3Scopes, " "), challengeOf(strings.Repeat("x", 43)), "s") + "&lang=" + lang)
		html := strings.Replace(r.body, "<head>", `<head><base href="`+e.srv.URL+`/">`, 1)
		page := filepath.Join(dir, "consent-"+lang+".html")
		if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--window-size=1000,900", "--screenshot="+filepath.Join(dir, "consent-"+lang+".png"), "file://"+page).CombinedOutput()
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, out)
		}
	}
}
