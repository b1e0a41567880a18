package ob3api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/ob3api"
)

// TestRedirectHostIsAHostName: the origin of a redirect URI goes into the consent page's
// Content-Security-Policy header (form-action), so its host must be a DNS name or an IP
// address. url.Parse accepts hosts such as "wallet.example;sandbox" or "a,b" (RFC 3986
// sub-delims), which would add directives or a second policy to the header.
func TestRedirectHostIsAHostName(t *testing.T) {
	e := newEnv(t)
	for _, bad := range []string{
		"https://wallet.example;sandbox/cb",
		"https://wallet.example,script-src/cb",
		"https://wallet.example'/cb",
		"https://wal$let.example/cb",
		"https://wallet.example:99999/cb",
		"https://wallet.example:/cb",
		"https://-wallet.example/cb",
		"http://localhost;x/cb",
	} {
		res, out := e.register(map[string]any{"client_name": "x", "redirect_uris": []string{bad}})
		if res.StatusCode != 400 || out["error"] != "invalid_redirect_uri" {
			t.Errorf("%s: %d %v, want 400 invalid_redirect_uri", bad, res.StatusCode, out)
		}
	}
	for _, good := range []string{
		"https://wallet.example/cb", "https://Wallet.Example:8443/cb?x=1", "https://xn--lompakk-7wa.example/cb",
		"https://192.0.2.1/cb", "https://[2001:db8::1]:8443/cb", "http://127.0.0.1:8765/cb", "http://localhost/cb",
		"https://wallet.example./cb",
	} {
		if res, out := e.register(map[string]any{"client_name": "x", "redirect_uris": []string{good}}); res.StatusCode != 201 {
			t.Errorf("%s: %d %v, want 201", good, res.StatusCode, out)
		}
	}

	// A client stored before this check (or by other means) does not get its host into the
	// header either: RedirectOrigin gives nothing for it.
	c := &pokot.OAuthClient{Name: "Vanha", RedirectURIs: []string{"https://wallet.example;sandbox/cb"}, Scopes: pokot.OB3Scopes}
	if _, err := e.db.CreateOAuthClient(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	q := url.Values{"client_id": {c.ClientID}, "response_type": {"code"}, "scope": {pokot.OB3Scopes[0]},
		"code_challenge": {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"}, "code_challenge_method": {"S256"}}
	ar, aerr := e.api.ParseAuthRequest(t.Context(), q)
	if aerr == nil || aerr.Redirect != "" {
		t.Fatalf("authorization request of a client with a bad stored redirect URI: %+v %+v, want an error shown, not sent", ar, aerr)
	}
	if o := (&ob3api.AuthRequest{RedirectURI: "https://wallet.example;sandbox/cb"}).RedirectOrigin(); o != "" {
		t.Fatalf("RedirectOrigin of a bad host: %q", o)
	}
	if o := (&ob3api.AuthRequest{RedirectURI: "https://wallet.example:8443/cb?x"}).RedirectOrigin(); o != "https://wallet.example:8443" {
		t.Fatalf("RedirectOrigin: %q", o)
	}
}

// TestUpsertIntoFullWallet: an API client cannot add credentials without end (each up to
// 1 MiB, beyond what the learner's wallet page lists and lets them remove): past
// pokot.WalletStoredLimit the upsert is refused with 409, not stored, and not a 500.
func TestUpsertIntoFullWallet(t *testing.T) {
	e := newEnv(t)
	u := e.user("Aino")
	for i := range pokot.WalletStoredLimit {
		c := &pokot.WalletCredential{UserID: u.ID, CredentialID: fmt.Sprintf("urn:uuid:t%d", i), Format: pokot.WalletJSON,
			Data: []byte(`{"n":1}`), Source: pokot.WalletAPI}
		if _, err := e.db.UpsertWalletCredential(t.Context(), c); err != nil {
			t.Fatal(err)
		}
	}
	c := e.client(pokot.OB3ScopeCredentialUpsert)
	tok, _ := e.grant(c, u, pokot.OB3ScopeCredentialUpsert)
	body, _ := json.Marshal(signedCredential(t))
	res, b := e.call("POST", "/ims/ob/v3p0/credentials", tok, "application/json", body)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("upsert into a full wallet: %d %s, want 409", res.StatusCode, b)
	}
	if _, total, err := e.db.WalletCredentials(t.Context(), u.ID, 1, 0); err != nil || total != pokot.WalletStoredLimit {
		t.Fatalf("wallet holds %d (%v)", total, err)
	}
}
