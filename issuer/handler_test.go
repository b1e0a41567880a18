package issuer_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuer"
)

func get(t *testing.T, h http.Handler, path string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHandler(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	// Mounted in another mux as the platform does, next to a page of its own.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orgs/{slug}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(299) })
	for _, p := range issuer.Patterns {
		mux.Handle(p, e.svc.Handler())
	}
	var h http.Handler = mux
	_, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	if w := get(t, h, "/orgs/omnia"); w.Code != 299 {
		t.Fatalf("the platform's own page: %d", w.Code)
	}

	for _, tc := range []struct{ path, ctype, cache string }{
		{"/orgs/omnia/did.json", "application/did+json", "public, max-age=300"},
		{"/orgs/omnia/profile.json", "application/ld+json", "public, max-age=300"},
		{"/orgs/omnia/status/message/1", "application/vc+ld+json", "public, no-cache"},
	} {
		w := get(t, h, tc.path)
		if w.Code != 200 || w.Header().Get("Content-Type") != tc.ctype || w.Header().Get("Cache-Control") != tc.cache ||
			w.Header().Get("Access-Control-Allow-Origin") != "*" || w.Header().Get("ETag") == "" {
			t.Fatalf("GET %s: %d %v", tc.path, w.Code, w.Header())
		}
		// A cache that holds the document revalidates it cheaply.
		if w2 := get(t, h, tc.path, "If-None-Match", w.Header().Get("ETag")); w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
			t.Fatalf("GET %s with its ETag: %d", tc.path, w2.Code)
		}
	}

	var did map[string]any
	must(t, json.Unmarshal(get(t, h, "/orgs/omnia/did.json").Body.Bytes(), &did))
	if did["id"] != "did:web:pokot.example.fi:orgs:omnia" || len(did["verificationMethod"].([]any)) != 1 || len(did["assertionMethod"].([]any)) != 1 {
		t.Fatalf("DID document %v", did)
	}

	var prof map[string]any
	must(t, json.Unmarshal(get(t, h, "/orgs/omnia/profile.json").Body.Bytes(), &prof))
	addr, _ := prof["address"].(map[string]any)
	img, _ := prof["image"].(map[string]any)
	if prof["id"] != did["id"] || prof["name"] != "Ammattiopisto omnia" || prof["url"] != "https://www.omnia.fi" ||
		addr["addressCountry"] != "Suomi" || addr["addressCountryCode"] != "FI" || img["id"] != "https://www.omnia.fi/logo.png" {
		t.Fatalf("profile %v", prof)
	}
	// The profile is what credentials embed: it passes the OB 3.0 schema there.
	cred := unsigned(t)
	delete(prof, "@context")
	cred["issuer"] = prof
	if err := credential.ValidateSchema(cred); err != nil {
		t.Fatalf("the profile is not OB 3.0 schema-valid: %v", err)
	}

	// CORS preflight.
	r := httptest.NewRequest("OPTIONS", "/orgs/omnia/status/revocation/1", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusNoContent || !strings.Contains(w.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Fatalf("preflight: %d %v", w.Code, w.Header())
	}
}

// TestHandlerNotFound: unknown organisations, purposes and list numbers are 404 problem
// documents that say nothing more.
func TestHandlerNotFound(t *testing.T) {
	e := newEnv(t, "https://pokot.example.fi")
	h := e.svc.Handler()
	_, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	for _, p := range []string{
		"/orgs/nobody/did.json",
		"/orgs/nobody/profile.json",
		"/orgs/nobody/status/revocation/1",
		"/orgs/OMNIA/did.json", // the DID names the canonical slug only
		"/orgs/omnia/status/expiry/1",
		"/orgs/omnia/status/revocation/2",
		"/orgs/omnia/status/revocation/0",
		"/orgs/omnia/status/revocation/01",
		"/orgs/omnia/status/revocation/-1",
		"/orgs/omnia/status/revocation/x",
		"/orgs/omnia/status/revocation/99999999999999999999",
		"/orgs/omnia/status/suspension/1", // no suspension list opened yet
	} {
		w := get(t, h, p)
		if w.Code != http.StatusNotFound || w.Header().Get("Content-Type") != "application/problem+json" {
			t.Fatalf("GET %s: %d %s", p, w.Code, w.Header().Get("Content-Type"))
		}
		var prob map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &prob); err != nil || prob["status"] != float64(404) {
			t.Fatalf("GET %s: problem %s", p, w.Body)
		}
	}
	if w := get(t, h, "/orgs/omnia/keys.json"); w.Code != http.StatusNotFound {
		t.Fatalf("unknown document: %d", w.Code)
	}
	r := httptest.NewRequest("POST", "/orgs/omnia/did.json", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST: %d", w.Code)
	}
}

// TestVerifyOverHTTPS serves the documents on a TLS server on a loopback port: the DID of the
// organisation, did:web:127.0.0.1%3APORT:orgs:omnia, resolves to that server by the did:web
// rules alone, and the credential verifies through the network resolver.
func TestVerifyOverHTTPS(t *testing.T) {
	var h http.Handler
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	defer ts.Close()
	e := newEnv(t, ts.URL)
	h = e.svc.Handler()
	did := e.svc.DID(e.org)
	port := ts.URL[strings.LastIndex(ts.URL, ":")+1:]
	if did != "did:web:127.0.0.1%3A"+port+":orgs:omnia" {
		t.Fatalf("DID %s", did)
	}

	cred, err := e.svc.Sign(ctx, e.org, unsigned(t))
	must(t, err)
	pool := x509.NewCertPool()
	pool.AddCert(ts.Certificate())
	v := &credential.Verifier{
		Resolver: &key.Resolver{AllowPrivate: true, TLSConfig: &tls.Config{RootCAs: pool}},
		Now:      e.clock.Later,
	}
	if r := verify(t, v, cred); !r.Verified {
		t.Fatalf("not verified over HTTPS: %v", failed(r))
	}
	_, err = e.svc.SetCredentialStatus(ctx, e.org, cred["id"].(string), pokot.StatusRevocation, true, "virhe")
	must(t, err)
	v.Resolver = &key.Resolver{AllowPrivate: true, TLSConfig: &tls.Config{RootCAs: pool}}
	v2 := &credential.Verifier{Resolver: v.Resolver, Now: e.clock.Later}
	if r := verify(t, v2, cred); r.Verified || check(r, "status").OK {
		t.Fatalf("revoked credential verified over HTTPS: %v", r.Checks)
	}
	// Without AllowPrivate the resolver refuses the loopback server: nothing is trusted by
	// accident.
	v3 := &credential.Verifier{Resolver: &key.Resolver{TLSConfig: &tls.Config{RootCAs: pool}}, Now: e.clock.Later}
	if r := verify(t, v3, cred); r.Verified {
		t.Fatal("verified through a loopback address without AllowPrivate")
	}

	resp, err := ts.Client().Get(ts.URL + "/orgs/omnia/profile.json")
	must(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), did) {
		t.Fatalf("profile over HTTPS: %d %s", resp.StatusCode, b)
	}
}

func TestDID(t *testing.T) {
	db := struct{ issuer.Store }{}
	org := &pokot.Organisation{Slug: "omnia"}
	for base, want := range map[string]string{
		"https://pokot.example.fi":           "did:web:pokot.example.fi:orgs:omnia",
		"https://pokot.example.fi/":          "did:web:pokot.example.fi:orgs:omnia",
		"https://pokot.example.fi:8443":      "did:web:pokot.example.fi%3A8443:orgs:omnia",
		"https://example.fi/palvelut/pokot/": "did:web:example.fi:palvelut:pokot:orgs:omnia",
		"http://localhost:8080":              "did:web:localhost%3A8080:orgs:omnia",
	} {
		s, err := issuer.New(db, masterKey(t), base, nil)
		must(t, err)
		if got := s.DID(org); got != want {
			t.Errorf("base %s: DID %s, want %s", base, got, want)
		}
		u, err := key.DIDWebURL(want)
		must(t, err)
		if got := s.DIDDocumentURL(org); strings.TrimPrefix(got, "http://") != strings.TrimPrefix(u, "https://") && got != u {
			t.Errorf("base %s: document at %s, the DID resolves to %s", base, got, u)
		}
	}
}
