// Package oidctest runs a real OpenID Connect provider on the loopback interface for tests:
// discovery, /authorize that redirects back with a one-time code bound to the PKCE
// challenge, nonce and redirect URI, /token that checks the client's credentials and the
// PKCE verifier and returns an RS256-signed ID token, and /keys with the JWKS. Exported
// knobs make it misbehave in the ways a relying party must notice.
package oidctest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Provider is the test provider. Set the knobs before the flow under test starts.
type Provider struct {
	t      testing.TB
	issuer string
	key    *rsa.PrivateKey
	opts   Options

	ClientID, ClientSecret string // the one registered client

	mu    sync.Mutex
	codes map[string]grant
}

// Options make the provider misbehave or describe another person. They are fixed when the
// provider starts: its handlers run in other goroutines (and serve other processes).
type Options struct {
	NonceOverride string          // put this nonce into the ID token
	AudOverride   string          // put this audience into the ID token
	Lifetime      time.Duration   // ID token lifetime (negative: already expired); default 5 min
	SignWith      *rsa.PrivateKey // sign with this key instead of the published one
	Claims        map[string]any  // claims to add or replace (sub, email, email_verified, name, …)
	// AuthMethods are the token endpoint's client authentication methods, advertised and
	// enforced; default client_secret_basic and client_secret_post.
	AuthMethods []string
	// ChallengeMethods are the advertised PKCE methods; default S256.
	ChallengeMethods []string
}

type grant struct{ challenge, nonce, redirect string }

// New starts a provider that is stopped when the test ends.
func New(t testing.TB, opts Options) *Provider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Lifetime == 0 {
		opts.Lifetime = 5 * time.Minute
	}
	if opts.AuthMethods == nil {
		opts.AuthMethods = []string{"client_secret_basic", "client_secret_post"}
	}
	if opts.ChallengeMethods == nil {
		opts.ChallengeMethods = []string{"S256"}
	}
	p := &Provider{t: t, key: key, opts: opts, codes: map[string]grant{},
		ClientID: "pokot-test", ClientSecret: "client-secret-123"}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	mux.HandleFunc("GET /keys", p.keys)
	srv := httptest.NewUnstartedServer(mux)
	p.issuer = "http://" + srv.Listener.Addr().String()
	srv.Start()
	t.Cleanup(srv.Close)
	return p
}

// Issuer returns the issuer URL (http://127.0.0.1:port).
func (p *Provider) Issuer() string { return p.issuer }

func (p *Provider) discovery(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, 200, map[string]any{
		"issuer":                                p.Issuer(),
		"authorization_endpoint":                p.Issuer() + "/authorize",
		"token_endpoint":                        p.Issuer() + "/token",
		"jwks_uri":                              p.Issuer() + "/keys",
		"response_types_supported":              []string{"code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      p.opts.ChallengeMethods,
		"token_endpoint_auth_methods_supported": p.opts.AuthMethods,
	})
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case q.Get("response_type") != "code", q.Get("client_id") != p.ClientID,
		q.Get("code_challenge_method") != "S256", len(q.Get("code_challenge")) != 43,
		q.Get("nonce") == "", q.Get("state") == "", q.Get("redirect_uri") == "":
		http.Error(w, "bad authorization request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	code := randomString()
	p.mu.Lock()
	p.codes[code] = grant{challenge: q.Get("code_challenge"), nonce: q.Get("nonce"), redirect: q.Get("redirect_uri")}
	p.mu.Unlock()
	u, _ := url.Parse(q.Get("redirect_uri"))
	v := u.Query()
	v.Set("code", code)
	v.Set("state", q.Get("state"))
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	bad := func(desc string) {
		writeJSON(w, 400, map[string]string{"error": "invalid_grant", "error_description": desc})
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostFormValue("client_id"), r.PostFormValue("client_secret")
	}
	method := map[bool]string{true: "client_secret_basic", false: "client_secret_post"}[basic]
	if !slices.Contains(p.opts.AuthMethods, method) {
		writeJSON(w, 401, map[string]string{"error": "invalid_client", "error_description": method + " not allowed"})
		return
	}
	if id != p.ClientID || secret != p.ClientSecret {
		writeJSON(w, 401, map[string]string{"error": "invalid_client"})
		return
	}
	if r.PostFormValue("grant_type") != "authorization_code" {
		bad("grant type")
		return
	}
	code := r.PostFormValue("code")
	p.mu.Lock()
	g, found := p.codes[code]
	delete(p.codes, code) // one use only
	p.mu.Unlock()
	if !found {
		bad("unknown code")
		return
	}
	if r.PostFormValue("redirect_uri") != g.redirect {
		bad("redirect_uri mismatch")
		return
	}
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	if base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
		bad("PKCE verification failed")
		return
	}
	now := time.Now()
	claims := map[string]any{
		"iss":            p.Issuer(),
		"sub":            "248289761001",
		"aud":            p.ClientID,
		"iat":            now.Unix(),
		"exp":            now.Add(p.opts.Lifetime).Unix(),
		"nonce":          g.nonce,
		"email":          "Aino.Korhonen@Example.FI",
		"email_verified": true,
		"name":           "Aino Korhonen",
	}
	if p.opts.NonceOverride != "" {
		claims["nonce"] = p.opts.NonceOverride
	}
	if p.opts.AudOverride != "" {
		claims["aud"] = p.opts.AudOverride
	}
	for k, v := range p.opts.Claims {
		claims[k] = v
	}
	key := p.key
	if p.opts.SignWith != nil {
		key = p.opts.SignWith
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: "k1"}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		p.t.Error(err)
		return
	}
	payload, _ := json.Marshal(claims)
	jws, err := signer.Sign(payload)
	if err != nil {
		p.t.Error(err)
		return
	}
	idToken, _ := jws.CompactSerialize()
	writeJSON(w, 200, map[string]any{"access_token": randomString(), "token_type": "Bearer", "expires_in": 300, "id_token": idToken})
}

func (p *Provider) keys(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, 200, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &p.key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func randomString() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
