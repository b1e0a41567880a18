package ob3api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

const allScopes = pokot.OB3ScopeCredentialRead + " " + pokot.OB3ScopeCredentialUpsert + " " + pokot.OB3ScopeProfileRead + " " + pokot.OB3ScopeProfileUpdate

func TestDiscovery(t *testing.T) {
	e := newEnv(t)
	res, b := e.call("GET", "/ims/ob/v3p0/discovery", "", "", nil)
	if res.StatusCode != 200 || res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Info    map[string]any
		Servers []struct{ URL string }
		Paths   map[string]map[string]any
		Comp    struct {
			Schemes map[string]struct {
				Type         string `json:"type"`
				Registration string `json:"x-imssf-registrationUrl"`
				Flows        struct {
					Code struct {
						AuthorizationURL string            `json:"authorizationUrl"`
						TokenURL         string            `json:"tokenUrl"`
						RefreshURL       string            `json:"refreshUrl"`
						Scopes           map[string]string `json:"scopes"`
					} `json:"authorizationCode"`
				} `json:"flows"`
			} `json:"securitySchemes"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Comp.Schemes["OAuth2ACG"]
	base := "https://pokot.example.fi"
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Info["x-imssf-privacyPolicyUrl"] != base+"/oauth/privacy" ||
		doc.Servers[0].URL != base+"/ims/ob/v3p0" || s.Type != "oauth2" || s.Registration != base+"/oauth/register" ||
		s.Flows.Code.AuthorizationURL != base+"/oauth/authorize" || s.Flows.Code.TokenURL != base+"/oauth/token" ||
		s.Flows.Code.RefreshURL != base+"/oauth/token" || len(s.Flows.Code.Scopes) != 4 {
		t.Fatalf("discovery: %s", b)
	}
	for _, sc := range pokot.OB3Scopes {
		if s.Flows.Code.Scopes[sc] == "" {
			t.Errorf("scope %s not described", sc)
		}
	}
	for _, p := range []string{"/credentials", "/profile", "/discovery"} {
		if doc.Paths[p] == nil {
			t.Errorf("path %s missing", p)
		}
	}
}

func TestRegistrationRefusesBadMetadata(t *testing.T) {
	e := newEnv(t)
	for name, tc := range map[string]struct {
		meta map[string]any
		code string
	}{
		"no name":          {map[string]any{"redirect_uris": []string{redirect}}, "invalid_client_metadata"},
		"no redirect":      {map[string]any{"client_name": "x"}, "invalid_redirect_uri"},
		"http redirect":    {map[string]any{"client_name": "x", "redirect_uris": []string{"http://wallet.example/cb"}}, "invalid_redirect_uri"},
		"fragment":         {map[string]any{"client_name": "x", "redirect_uris": []string{"https://wallet.example/cb#x"}}, "invalid_redirect_uri"},
		"relative":         {map[string]any{"client_name": "x", "redirect_uris": []string{"/cb"}}, "invalid_redirect_uri"},
		"javascript":       {map[string]any{"client_name": "x", "redirect_uris": []string{"javascript:alert(1)"}}, "invalid_redirect_uri"},
		"unknown scope":    {map[string]any{"client_name": "x", "redirect_uris": []string{redirect}, "scope": "admin"}, "invalid_client_metadata"},
		"implicit grant":   {map[string]any{"client_name": "x", "redirect_uris": []string{redirect}, "grant_types": []string{"implicit"}}, "invalid_client_metadata"},
		"public client":    {map[string]any{"client_name": "x", "redirect_uris": []string{redirect}, "token_endpoint_auth_method": "none"}, "invalid_client_metadata"},
		"http logo":        {map[string]any{"client_name": "x", "redirect_uris": []string{redirect}, "logo_uri": "http://x.example/l.png"}, "invalid_client_metadata"},
		"redirect as text": {map[string]any{"client_name": "x", "redirect_uris": redirect}, "invalid_client_metadata"},
	} {
		res, out := e.register(tc.meta)
		if res.StatusCode != 400 || out["error"] != tc.code {
			t.Errorf("%s: %d %v, want 400 %s", name, res.StatusCode, out, tc.code)
		}
	}
	// Loopback http is allowed for native apps; the secret is returned once.
	res, out := e.register(map[string]any{"client_name": "Sovellus", "redirect_uris": []string{"http://127.0.0.1:8765/cb", "http://[::1]/cb"},
		"logo_uri": "https://x.example/l.png", "policy_uri": "https://x.example/p", "tos_uri": "https://x.example/t"})
	if res.StatusCode != 201 || out["client_id"] == "" || out["client_secret"] == "" || out["scope"] != allScopes || out["policy_uri"] != "https://x.example/p" {
		t.Fatalf("%d %v", res.StatusCode, out)
	}
}

func TestTokenErrors(t *testing.T) {
	e := newEnv(t)
	u := e.user("Aino")
	c := e.client(pokot.OB3ScopeCredentialRead)
	other := e.client(pokot.OB3ScopeCredentialRead)
	exchange := func(c client, code, redirectURI, verifier string) (int, map[string]any) {
		return e.tokenReq(c, url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirectURI}, "code_verifier": {verifier}})
	}
	v, ch := pkce()

	// Bad PKCE verifier: refused, and the code is spent.
	code := e.authorize(c, u, pokot.OB3ScopeCredentialRead, ch)
	wrong, _ := pkce()
	if st, out := exchange(c, code, redirect, wrong); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("bad verifier: %d %v", st, out)
	}
	if st, out := exchange(c, code, redirect, v); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("code after a bad verifier: %d %v", st, out)
	}
	// Wrong redirect_uri.
	code = e.authorize(c, u, pokot.OB3ScopeCredentialRead, ch)
	if st, out := exchange(c, code, "https://wallet.example/other", v); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("wrong redirect: %d %v", st, out)
	}
	// Another client's code, wrong secret, no verifier.
	code = e.authorize(c, u, pokot.OB3ScopeCredentialRead, ch)
	if st, out := exchange(other, code, redirect, v); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("other client's code: %d %v", st, out)
	}
	code = e.authorize(c, u, pokot.OB3ScopeCredentialRead, ch)
	if st, out := exchange(client{c.ID, c.Secret + "x"}, code, redirect, v); st != 401 || out["error"] != "invalid_client" {
		t.Fatalf("wrong secret: %d %v", st, out)
	}
	if st, out := exchange(c, code, redirect, ""); st != 400 || out["error"] != "invalid_request" {
		t.Fatalf("no verifier: %d %v", st, out)
	}
	// Expired code.
	code = e.authorize(c, u, pokot.OB3ScopeCredentialRead, ch)
	e.advance(3 * time.Minute)
	if st, out := exchange(c, code, redirect, v); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("expired code: %d %v", st, out)
	}
	// Reused code: refused, and the token it gave stops working.
	code = e.authorize(c, u, pokot.OB3ScopeCredentialRead, ch)
	st, out := exchange(c, code, redirect, v)
	if st != 200 || out["token_type"] != "Bearer" || out["expires_in"] != float64(3600) || out["scope"] != pokot.OB3ScopeCredentialRead {
		t.Fatalf("good exchange: %d %v", st, out)
	}
	access := out["access_token"].(string)
	if res, _ := e.call("GET", "/ims/ob/v3p0/credentials", access, "", nil); res.StatusCode != 200 {
		t.Fatalf("token does not work: %d", res.StatusCode)
	}
	if st, out := exchange(c, code, redirect, v); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("reused code: %d %v", st, out)
	}
	if res, _ := e.call("GET", "/ims/ob/v3p0/credentials", access, "", nil); res.StatusCode != 401 {
		t.Fatalf("token of a reused code still works: %d", res.StatusCode)
	}
	// Grant types.
	if st, out := e.tokenReq(c, url.Values{"grant_type": {"password"}}); st != 400 || out["error"] != "unsupported_grant_type" {
		t.Fatalf("password grant: %d %v", st, out)
	}
	if st, out := e.tokenReq(c, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {"nope"}}); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("unknown refresh token: %d %v", st, out)
	}
}

func TestAuthorizeRequestErrors(t *testing.T) {
	e := newEnv(t)
	c := e.client(pokot.OB3ScopeCredentialRead + " " + pokot.OB3ScopeProfileRead)
	_, ch := pkce()
	good := url.Values{"client_id": {c.ID}, "redirect_uri": {redirect}, "response_type": {"code"},
		"scope": {pokot.OB3ScopeCredentialRead}, "state": {"s1"}, "code_challenge": {ch}, "code_challenge_method": {"S256"}}
	if _, err := e.api.ParseAuthRequest(ctx, good); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		key, value string
		code       string
		redirect   bool
	}{
		"unknown client":     {"client_id", "nobody", "invalid_client", false},
		"foreign redirect":   {"redirect_uri", "https://evil.example/cb", "invalid_request", false},
		"token response":     {"response_type", "token", "unsupported_response_type", true},
		"no PKCE":            {"code_challenge", "", "invalid_request", true},
		"plain PKCE":         {"code_challenge_method", "plain", "invalid_request", true},
		"unregistered scope": {"scope", pokot.OB3ScopeCredentialUpsert, "invalid_scope", true},
		"unknown scope":      {"scope", "openid", "invalid_scope", true},
		"no scope":           {"scope", "", "invalid_scope", true},
	} {
		q := url.Values{}
		for k, v := range good {
			q[k] = v
		}
		q.Set(tc.key, tc.value)
		_, aerr := e.api.ParseAuthRequest(ctx, q)
		if aerr == nil || aerr.Code != tc.code || (aerr.Redirect != "") != tc.redirect {
			t.Errorf("%s: %+v, want %s (redirect %v)", name, aerr, tc.code, tc.redirect)
			continue
		}
		if tc.redirect {
			u, _ := url.Parse(aerr.Redirect)
			if !strings.HasPrefix(aerr.Redirect, redirect+"?") || u.Query().Get("error") != tc.code || u.Query().Get("state") != "s1" {
				t.Errorf("%s: redirect %s", name, aerr.Redirect)
			}
		}
	}
}

func TestCredentialsPagingUpsertAndIsolation(t *testing.T) {
	e := newEnv(t)
	aino, bertta := e.user("Aino"), e.user("Bertta")
	c := e.client("")
	tokA, _ := e.grant(c, aino, allScopes)
	tokB, _ := e.grant(c, bertta, allScopes)

	var ids []string
	for i := range 5 {
		cred := signedCredential(t)
		b, _ := json.Marshal(cred)
		res, body := e.call("POST", "/ims/ob/v3p0/credentials", tokA, "application/json", b)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("upsert %d: %d %s", i, res.StatusCode, body)
		}
		ids = append(ids, cred["id"].(string))
		e.advance(time.Second)
	}
	// The same id again: replaced.
	again := signedCredential(t)
	again["id"] = ids[0]
	b, _ := json.Marshal(again)
	if res, body := e.call("POST", "/ims/ob/v3p0/credentials", tokA, "application/json", b); res.StatusCode != http.StatusOK {
		t.Fatalf("replace: %d %s", res.StatusCode, body)
	}

	type page struct {
		Credential       []map[string]any `json:"credential"`
		CompactJwsString []string         `json:"compactJwsString"`
	}
	get := func(tok, query string) (*http.Response, page) {
		res, body := e.call("GET", "/ims/ob/v3p0/credentials"+query, tok, "", nil)
		var p page
		json.Unmarshal(body, &p)
		if res.StatusCode == 200 && (p.Credential == nil || p.CompactJwsString == nil) {
			t.Fatalf("lists must be present: %s", body)
		}
		return res, p
	}
	res, p := get(tokA, "?limit=2&offset=2")
	if res.StatusCode != 200 || len(p.Credential) != 2 || res.Header.Get("X-Total-Count") != "5" {
		t.Fatalf("page: %d %d %s", res.StatusCode, len(p.Credential), res.Header.Get("X-Total-Count"))
	}
	base := "https://pokot.example.fi/ims/ob/v3p0/credentials"
	wantLink := "<" + base + "?limit=2&offset=4>; rel=\"next\", <" + base + "?limit=2&offset=4>; rel=\"last\", <" +
		base + "?limit=2&offset=0>; rel=\"first\", <" + base + "?limit=2&offset=0>; rel=\"prev\""
	if got := res.Header.Get("Link"); got != wantLink {
		t.Fatalf("Link\n got %s\nwant %s", got, wantLink)
	}
	res, p = get(tokA, "?limit=2&offset=4")
	if len(p.Credential) != 1 || strings.Contains(res.Header.Get("Link"), `rel="next"`) {
		t.Fatalf("last page: %d, Link %s", len(p.Credential), res.Header.Get("Link"))
	}
	// Newest first: the last posted is the first listed.
	_, p = get(tokA, "?limit=1")
	if p.Credential[0]["id"] != ids[4] {
		t.Fatalf("first listed %v, want %s", p.Credential[0]["id"], ids[4])
	}
	// One learner never sees another's credentials.
	res, p = get(tokB, "")
	if res.Header.Get("X-Total-Count") != "0" || len(p.Credential) != 0 {
		t.Fatalf("Bertta sees %s credentials", res.Header.Get("X-Total-Count"))
	}
	for _, q := range []string{"?limit=0", "?limit=x", "?offset=-1"} {
		res, body := e.call("GET", "/ims/ob/v3p0/credentials"+q, tokA, "", nil)
		if res.StatusCode != 400 || minor(t, body) != "invalid_query_parameter" {
			t.Fatalf("%s: %d %s", q, res.StatusCode, body)
		}
	}
}

func TestUpsertRefusesBadCredentials(t *testing.T) {
	e := newEnv(t)
	u := e.user("Aino")
	tok, _ := e.grant(e.client(""), u, allScopes)
	noID := signedCredential(t)
	delete(noID, "id")
	noSubject := signedCredential(t)
	delete(noSubject, "credentialSubject")
	for name, tc := range map[string]struct {
		ct   string
		body any
	}{
		"not JSON":    {"application/json", "nope"},
		"array":       {"application/json", []int{1}},
		"not a badge": {"application/json", map[string]any{"id": "urn:x", "type": []string{"VerifiableCredential"}}},
		"no id":       {"application/json", noID},
		"no subject":  {"application/json", noSubject},
		"garbage JWS": {"text/plain", "a.b.c"},
	} {
		var b []byte
		if s, ok := tc.body.(string); ok {
			b = []byte(s)
		} else {
			b, _ = json.Marshal(tc.body)
		}
		res, body := e.call("POST", "/ims/ob/v3p0/credentials", tok, tc.ct, b)
		if res.StatusCode != 400 || minor(t, body) != "invalid_data" {
			t.Errorf("%s: %d %s", name, res.StatusCode, body)
		}
	}
	res, body := e.call("POST", "/ims/ob/v3p0/credentials", tok, "application/xml", []byte("<x/>"))
	if res.StatusCode != 415 {
		t.Errorf("xml: %d %s", res.StatusCode, body)
	}
	if _, total, _ := e.db.WalletCredentials(ctx, u.ID, 10, 0); total != 0 {
		t.Fatalf("%d bad credentials stored", total)
	}
}

func TestScopesAndTokens(t *testing.T) {
	e := newEnv(t)
	u := e.user("Aino")
	c := e.client("")
	readOnly, refresh := e.grant(c, u, pokot.OB3ScopeCredentialRead)
	cred, _ := json.Marshal(signedCredential(t))
	// A read-only token cannot upsert or read the profile.
	res, body := e.call("POST", "/ims/ob/v3p0/credentials", readOnly, "application/json", cred)
	if res.StatusCode != 403 || minor(t, body) != "forbidden" || !strings.Contains(res.Header.Get("WWW-Authenticate"), "insufficient_scope") {
		t.Fatalf("upsert with read scope: %d %s", res.StatusCode, body)
	}
	if res, _ := e.call("GET", "/ims/ob/v3p0/profile", readOnly, "", nil); res.StatusCode != 403 {
		t.Fatalf("profile with credential scope: %d", res.StatusCode)
	}
	// No token, a wrong token.
	for _, tok := range []string{"", "nope"} {
		res, body := e.call("GET", "/ims/ob/v3p0/credentials", tok, "", nil)
		if res.StatusCode != 401 || minor(t, body) != "unauthorizedrequest" || res.Header.Get("WWW-Authenticate") == "" {
			t.Fatalf("token %q: %d %s", tok, res.StatusCode, body)
		}
	}
	// Expired access token; the refresh token still works, once, and narrows scopes only.
	e.advance(time.Hour + time.Second)
	if res, _ := e.call("GET", "/ims/ob/v3p0/credentials", readOnly, "", nil); res.StatusCode != 401 {
		t.Fatalf("expired token: %d", res.StatusCode)
	}
	st, out := e.tokenReq(c, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}})
	if st != 200 || out["scope"] != pokot.OB3ScopeCredentialRead {
		t.Fatalf("refresh: %d %v", st, out)
	}
	fresh, refresh2 := out["access_token"].(string), out["refresh_token"].(string)
	if res, _ := e.call("GET", "/ims/ob/v3p0/credentials", fresh, "", nil); res.StatusCode != 200 {
		t.Fatalf("refreshed token: %d", res.StatusCode)
	}
	if st, out := e.tokenReq(c, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}}); st != 400 || out["error"] != "invalid_grant" {
		t.Fatalf("refresh token used twice: %d %v", st, out)
	}
	if st, out := e.tokenReq(c, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh2}, "scope": {pokot.OB3ScopeCredentialUpsert}}); st != 400 || out["error"] != "invalid_scope" {
		t.Fatalf("refresh widening scope: %d %v", st, out)
	}
	// Revocation (RFC 7009).
	access3, _ := e.grant(c, u, pokot.OB3ScopeCredentialRead)
	form := url.Values{"token": {access3}, "client_id": {c.ID}, "client_secret": {c.Secret}}
	req, _ := http.NewRequest("POST", e.srv.URL+"/oauth/revoke", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rr, err := http.DefaultClient.Do(req)
	if err != nil || rr.StatusCode != 200 {
		t.Fatalf("revoke: %v %v", err, rr.StatusCode)
	}
	rr.Body.Close()
	if res, _ := e.call("GET", "/ims/ob/v3p0/credentials", access3, "", nil); res.StatusCode != 401 {
		t.Fatalf("revoked token: %d", res.StatusCode)
	}
}

func TestProfile(t *testing.T) {
	e := newEnv(t)
	u := e.user("Aino")
	tok, _ := e.grant(e.client(""), u, allScopes)
	res, body := e.call("GET", "/ims/ob/v3p0/profile", tok, "", nil)
	var p map[string]any
	json.Unmarshal(body, &p)
	if res.StatusCode != 200 || p["name"] != "Aino" || p["email"] != u.Email || !strings.HasPrefix(p["id"].(string), "urn:uuid:") {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	id := p["id"].(string)
	put := func(v map[string]any) (*http.Response, []byte) {
		b, _ := json.Marshal(v)
		return e.call("PUT", "/ims/ob/v3p0/profile", tok, "application/json", b)
	}
	res, body = put(map[string]any{"id": id, "type": []string{"Profile"}, "name": "Aino Virtanen", "email": strings.ToUpper(u.Email)})
	json.Unmarshal(body, &p)
	if res.StatusCode != 200 || p["name"] != "Aino Virtanen" {
		t.Fatalf("put: %d %s", res.StatusCode, body)
	}
	if got, _ := e.db.UserByID(ctx, u.ID); got.Name != "Aino Virtanen" {
		t.Fatalf("stored name %q", got.Name)
	}
	for name, v := range map[string]map[string]any{
		"other e-mail": {"name": "X", "email": "other@example.fi"},
		"other id":     {"name": "X", "id": "urn:uuid:1"},
		"empty name":   {"name": " "},
		"no name":      {"type": []string{"Profile"}},
	} {
		if res, body := put(v); res.StatusCode != 400 || minor(t, body) != "invalid_data" {
			t.Errorf("%s: %d %s", name, res.StatusCode, body)
		}
	}
	if got, _ := e.db.UserByID(ctx, u.ID); got.Name != "Aino Virtanen" || got.Email != u.Email {
		t.Fatalf("a refused update changed the user: %+v", got)
	}
	// Another user's profile id differs.
	tokB, _ := e.grant(e.client(""), e.user("Bertta"), allScopes)
	_, body = e.call("GET", "/ims/ob/v3p0/profile", tokB, "", nil)
	json.Unmarshal(body, &p)
	if p["id"] == id || p["name"] != "Bertta" {
		t.Fatalf("Bertta's profile %v", p)
	}
}

func TestUpsertJWT(t *testing.T) {
	e := newEnv(t)
	u := e.user("Aino")
	tok, _ := e.grant(e.client(""), u, allScopes)
	doc := signedCredential(t)
	delete(doc, "proof")
	kp, _ := key.Generate()
	doc["issuer"].(map[string]any)["id"] = kp.DID()
	jwt, err := credential.SignJWT(doc, kp, credential.SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, body := e.call("POST", "/ims/ob/v3p0/credentials", tok, "text/plain", []byte(jwt+"\n"))
	if res.StatusCode != http.StatusCreated || string(body) != jwt {
		t.Fatalf("%d %s", res.StatusCode, body)
	}
	if res, _ := e.call("POST", "/ims/ob/v3p0/credentials", tok, "text/plain", []byte(jwt)); res.StatusCode != http.StatusOK {
		t.Fatalf("again: %d", res.StatusCode)
	}
	res, body = e.call("GET", "/ims/ob/v3p0/credentials", tok, "", nil)
	var p struct {
		Credential       []json.RawMessage `json:"credential"`
		CompactJwsString []string          `json:"compactJwsString"`
	}
	json.Unmarshal(body, &p)
	if res.Header.Get("X-Total-Count") != "1" || len(p.Credential) != 0 || len(p.CompactJwsString) != 1 || p.CompactJwsString[0] != jwt {
		t.Fatalf("%s %s", res.Header.Get("X-Total-Count"), body)
	}
}
