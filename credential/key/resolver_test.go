package key_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pokot/pokot/credential/key"
)

// docServer is a TLS test server serving JSON documents by path.
type docServer struct {
	*httptest.Server
	docs  map[string]any
	hits  atomic.Int64
	extra func(w http.ResponseWriter, r *http.Request) bool
}

func newDocServer(t *testing.T) *docServer {
	s := &docServer{docs: map[string]any{}}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		if s.extra != nil && s.extra(w, r) {
			return
		}
		d, ok := s.docs[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch v := d.(type) {
		case []byte:
			w.Write(v)
		default:
			json.NewEncoder(w).Encode(v)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *docServer) resolver() *key.Resolver {
	return &key.Resolver{AllowPrivate: true, TLSConfig: s.Client().Transport.(*http.Transport).TLSClientConfig}
}

func (s *docServer) host() string { u, _ := url.Parse(s.URL); return u.Host }

func (s *docServer) didWeb(path ...string) string {
	return strings.Join(append([]string{"did:web:" + strings.ReplaceAll(s.host(), ":", "%3A")}, path...), ":")
}

func TestResolveDIDKeyOffline(t *testing.T) {
	kp, _ := key.Generate()
	r := &key.Resolver{Offline: true}
	for _, id := range []string{kp.VerificationMethodID(), kp.DID()} {
		vm, err := r.Resolve(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		if !kp.Public.Equal(vm.PublicKey) || vm.Controller != kp.DID() || vm.ID != kp.VerificationMethodID() || !vm.AssertionMethod {
			t.Fatalf("vm = %+v", vm)
		}
	}
	other, _ := key.Generate()
	_, err := r.Resolve(t.Context(), kp.DID()+"#"+key.EncodePublic(other.Public))
	if !errors.Is(err, key.ErrFragmentMismatch) {
		t.Fatalf("fragment naming another key: err = %v", err)
	}
	if _, err := r.Resolve(t.Context(), "did:example:123#key-1"); !errors.Is(err, key.ErrUnsupportedID) {
		t.Fatalf("did:example: err = %v", err)
	}
}

func TestResolveDIDWeb(t *testing.T) {
	s := newDocServer(t)
	kp, _ := key.Generate()
	for _, path := range [][]string{nil, {"issuers", "oppilaitos"}} {
		did := s.didWeb(path...)
		doc, err := key.NewControllerDocument(did, kp.Public)
		if err != nil {
			t.Fatal(err)
		}
		docPath := "/.well-known/did.json"
		if path != nil {
			docPath = "/" + strings.Join(path, "/") + "/did.json"
		}
		s.docs[docPath] = doc
		vm, err := s.resolver().Resolve(t.Context(), did+"#"+key.EncodePublic(kp.Public))
		if err != nil {
			t.Fatalf("%s: %v", did, err)
		}
		if !kp.Public.Equal(vm.PublicKey) || vm.Controller != did || !vm.AssertionMethod || vm.Type != "Multikey" {
			t.Fatalf("vm = %+v", vm)
		}
	}
}

func TestResolveHTTPSControllerDocument(t *testing.T) {
	s := newDocServer(t)
	issuer := s.URL + "/issuers/565049"
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	jwk, _ := key.PublicJWK(&ec.PublicKey)
	kp, _ := key.Generate()
	other, _ := key.Generate()
	s.docs["/issuers/565049"] = map[string]any{
		"@context": []string{key.ContextCID, key.ContextMultikey},
		"id":       issuer,
		"verificationMethod": []any{
			map[string]any{"id": "#key-1", "type": "JsonWebKey", "controller": issuer, "publicKeyJwk": jwk},
			map[string]any{"id": issuer + "#key-2", "type": "Multikey", "controller": issuer, "publicKeyMultibase": key.EncodePublic(kp.Public)},
			map[string]any{"id": issuer + "#key-3", "type": "Multikey", "controller": "https://evil.example/", "publicKeyMultibase": key.EncodePublic(kp.Public)},
			// The fragment names one key, the document another.
			map[string]any{"id": issuer + "#" + key.EncodePublic(other.Public), "type": "Multikey", "controller": issuer, "publicKeyMultibase": key.EncodePublic(kp.Public)},
		},
		"assertionMethod": []any{"#key-1"},
	}
	r := s.resolver()
	vm, err := r.Resolve(t.Context(), issuer+"#key-1")
	if err != nil {
		t.Fatal(err)
	}
	if !ec.PublicKey.Equal(vm.PublicKey) || vm.ID != issuer+"#key-1" || !vm.AssertionMethod {
		t.Fatalf("vm = %+v", vm)
	}
	vm, err = r.Resolve(t.Context(), issuer+"#key-2")
	if err != nil {
		t.Fatal(err)
	}
	if !kp.Public.Equal(vm.PublicKey) || vm.AssertionMethod {
		t.Fatalf("key-2 = %+v (not an assertion method)", vm)
	}
	for id, want := range map[string]error{
		issuer + "#key-9": key.ErrMethodNotFound,
		issuer + "#key-3": key.ErrControllerMismatch,
		issuer + "#" + key.EncodePublic(other.Public): key.ErrFragmentMismatch,
	} {
		if _, err := r.Resolve(t.Context(), id); !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v", id, err, want)
		}
	}
}

func TestResolveDocumentIDMismatch(t *testing.T) {
	s := newDocServer(t)
	kp, _ := key.Generate()
	doc, _ := key.NewControllerDocument("https://elsewhere.example/issuer", kp.Public)
	s.docs["/issuer"] = doc
	_, err := s.resolver().Resolve(t.Context(), s.URL+"/issuer#"+key.EncodePublic(kp.Public))
	if !errors.Is(err, key.ErrBadDocument) {
		t.Fatalf("err = %v", err)
	}
}

// A URL that serves the verification method itself is accepted only if the controller
// document it names lists it with the same key.
func TestResolveStandaloneMethod(t *testing.T) {
	s := newDocServer(t)
	kp, _ := key.Generate()
	other, _ := key.Generate()
	issuer := s.URL + "/issuer"
	method := func(path string, pub ed25519.PublicKey) map[string]any {
		return map[string]any{"id": s.URL + path, "type": "Multikey", "controller": issuer, "publicKeyMultibase": key.EncodePublic(pub)}
	}
	s.docs["/keys/1"] = method("/keys/1", kp.Public)
	s.docs["/keys/2"] = method("/keys/2", kp.Public)    // not listed by the issuer
	s.docs["/keys/3"] = method("/keys/3", other.Public) // listed with another key
	s.docs["/issuer"] = map[string]any{
		"id":                 issuer,
		"verificationMethod": []any{method("/keys/1", kp.Public), method("/keys/3", kp.Public)},
		"assertionMethod":    []any{s.URL + "/keys/1"},
	}
	r := s.resolver()
	vm, err := r.Resolve(t.Context(), s.URL+"/keys/1")
	if err != nil {
		t.Fatal(err)
	}
	if !kp.Public.Equal(vm.PublicKey) || vm.Controller != issuer || !vm.AssertionMethod {
		t.Fatalf("vm = %+v", vm)
	}
	if _, err := r.Resolve(t.Context(), s.URL+"/keys/2"); !errors.Is(err, key.ErrMethodNotFound) {
		t.Fatalf("unlisted: err = %v", err)
	}
	if _, err := r.Resolve(t.Context(), s.URL+"/keys/3"); !errors.Is(err, key.ErrMethodNotFound) {
		t.Fatalf("other key: err = %v", err)
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	s := newDocServer(t)
	kp, _ := key.Generate()
	doc, _ := key.NewControllerDocument(s.didWeb(), kp.Public)
	s.docs["/.well-known/did.json"] = doc
	r := s.resolver()
	r.AllowPrivate = false
	_, err := r.Resolve(t.Context(), s.didWeb()+"#"+key.EncodePublic(kp.Public))
	if !errors.Is(err, key.ErrForbiddenAddr) {
		t.Fatalf("did:web on loopback: err = %v", err)
	}
	for _, u := range []string{
		"https://localhost/x", "https://10.1.2.3/x", "https://[::1]/x", "https://169.254.169.254/latest/meta-data",
		"https://0.0.0.0/x", "https://[fe80::1]/x", "https://100.64.0.1/x", "https://[::ffff:127.0.0.1]/x",
	} {
		if _, err := r.Fetch(t.Context(), u); !errors.Is(err, key.ErrForbiddenAddr) {
			t.Errorf("%s: err = %v", u, err)
		}
	}
	if s.hits.Load() != 0 {
		t.Fatalf("the server was reached %d times", s.hits.Load())
	}
}

func TestOfflineAndOverrides(t *testing.T) {
	kp, _ := key.Generate()
	did := "did:web:badges.example.fi"
	doc, _ := key.NewControllerDocument(did, kp.Public)
	body, _ := doc.JSON()
	r := &key.Resolver{Offline: true}
	if _, err := r.Resolve(t.Context(), did+"#"+key.EncodePublic(kp.Public)); !errors.Is(err, key.ErrOffline) {
		t.Fatalf("offline: err = %v", err)
	}
	if _, err := r.Fetch(t.Context(), "https://badges.example.fi/status/1"); !errors.Is(err, key.ErrOffline) {
		t.Fatalf("offline fetch: err = %v", err)
	}
	r.Overrides = map[string][]byte{
		"https://badges.example.fi/.well-known/did.json": body,
		"https://badges.example.fi/status/1":             []byte(`{"ok":true}`),
	}
	vm, err := r.Resolve(t.Context(), did+"#"+key.EncodePublic(kp.Public))
	if err != nil || !kp.Public.Equal(vm.PublicKey) {
		t.Fatalf("override: %v", err)
	}
	// Keyed by the DID instead of the URL.
	r2 := &key.Resolver{Offline: true, Overrides: map[string][]byte{did: body}}
	if vm, err := r2.Resolve(t.Context(), did+"#"+key.EncodePublic(kp.Public)); err != nil || !kp.Public.Equal(vm.PublicKey) {
		t.Fatalf("override by DID: %v", err)
	}
	if b, err := r.Fetch(t.Context(), "https://badges.example.fi/status/1#94567"); err != nil || string(b) != `{"ok":true}` {
		t.Fatalf("override fetch: %q, %v", b, err)
	}
}

func TestFetchLimits(t *testing.T) {
	s := newDocServer(t)
	big := []byte(`{"x":"` + strings.Repeat("a", key.DefaultMaxBytes) + `"}`)
	s.docs["/big"] = big
	s.docs["/ok"] = []byte(`{}`)
	s.extra = func(w http.ResponseWriter, r *http.Request) bool {
		switch r.URL.Path {
		case "/chunked": // no Content-Length: the body itself is cut off
			w.Header().Set("Content-Type", "application/json")
			for i := 0; i < 300; i++ {
				w.Write([]byte(strings.Repeat(" ", 1024)))
				w.(http.Flusher).Flush()
			}
			return true
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
			return true
		case "/to-http":
			http.Redirect(w, r, "http://"+r.Host+"/ok", http.StatusFound)
			return true
		case "/once":
			http.Redirect(w, r, "/ok", http.StatusFound)
			return true
		}
		return false
	}
	r := s.resolver()
	for path, want := range map[string]error{
		"/big":     key.ErrTooLarge,
		"/chunked": key.ErrTooLarge,
		"/loop":    key.ErrTooManyRedirects,
		"/to-http": key.ErrInsecureURL,
		"/missing": key.ErrFetch,
	} {
		if _, err := r.Fetch(t.Context(), s.URL+path); !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v", path, err, want)
		}
	}
	if b, err := r.Fetch(t.Context(), s.URL+"/once"); err != nil || string(b) != "{}" {
		t.Fatalf("one redirect: %q, %v", b, err)
	}
	if _, err := r.Fetch(t.Context(), strings.Replace(s.URL, "https", "http", 1)+"/ok"); !errors.Is(err, key.ErrInsecureURL) {
		t.Fatalf("plain http: err = %v", err)
	}
}

func TestFetchCache(t *testing.T) {
	s := newDocServer(t)
	s.docs["/list"] = []byte(`{"n":1}`)
	r := s.resolver()
	r.CacheTTL = 60_000_000_000
	for i := 0; i < 3; i++ {
		if _, err := r.Fetch(t.Context(), s.URL+"/list"); err != nil {
			t.Fatal(err)
		}
	}
	if n := s.hits.Load(); n != 1 {
		t.Fatalf("%d requests for three cached fetches", n)
	}
}

// Concurrent fetches of one URL share one request.
func TestFetchCacheConcurrent(t *testing.T) {
	s := newDocServer(t)
	release := make(chan struct{})
	s.extra = func(w http.ResponseWriter, r *http.Request) bool {
		<-release
		w.Write([]byte(`{"n":2}`))
		return true
	}
	r := s.resolver()
	r.CacheTTL = 60_000_000_000
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			b, err := r.Fetch(t.Context(), s.URL+"/list")
			if err == nil && string(b) != `{"n":2}` {
				err = fmt.Errorf("body %q", b)
			}
			errs <- err
		}()
	}
	for s.hits.Load() == 0 {
		runtime.Gosched()
	}
	close(release)
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := s.hits.Load(); n != 1 {
		t.Fatalf("%d requests for eight concurrent fetches", n)
	}
}

func TestDIDWebURL(t *testing.T) {
	for did, want := range map[string]string{
		"did:web:w3c-ccg.github.io":             "https://w3c-ccg.github.io/.well-known/did.json",
		"did:web:w3c-ccg.github.io:user:alice":  "https://w3c-ccg.github.io/user/alice/did.json",
		"did:web:example.com%3A3000:user:alice": "https://example.com:3000/user/alice/did.json",
		"did:web:example.com%3A3000":            "https://example.com:3000/.well-known/did.json",
	} {
		got, err := key.DIDWebURL(did)
		if err != nil || got != want {
			t.Errorf("%s → %s, %v; want %s", did, got, err, want)
		}
	}
	for _, bad := range []string{"did:web:", "did:web:a/b", "did:web:ex.com:..", "did:web:ex.com:a%2Fb", "did:web:user%40host", "did:key:z6Mk", "did:web:ex.com::x"} {
		if got, err := key.DIDWebURL(bad); err == nil {
			t.Errorf("%s accepted as %s", bad, got)
		}
	}
}

func TestControllerDocument(t *testing.T) {
	kp, _ := key.FromSeed(make([]byte, 32))
	doc, err := key.NewControllerDocument("did:web:oppilaitos.example.fi", kp.Public)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := doc.JSON()
	mk := key.EncodePublic(kp.Public)
	want := fmt.Sprintf(`{
  "@context": [
    "https://www.w3.org/ns/did/v1",
    "https://w3id.org/security/multikey/v1"
  ],
  "id": "did:web:oppilaitos.example.fi",
  "verificationMethod": [
    {
      "id": "did:web:oppilaitos.example.fi#%[1]s",
      "type": "Multikey",
      "controller": "did:web:oppilaitos.example.fi",
      "publicKeyMultibase": "%[1]s"
    }
  ],
  "assertionMethod": [
    "did:web:oppilaitos.example.fi#%[1]s"
  ]
}
`, mk)
	if string(b) != want {
		t.Fatalf("document:\n%s\nwant:\n%s", b, want)
	}
	https, err := key.NewControllerDocument("https://oppilaitos.example.fi/issuer", kp.Public)
	if err != nil || https.Context[0] != key.ContextCID {
		t.Fatalf("https controller: %+v, %v", https, err)
	}
	for _, bad := range []string{"http://x.example", "x.example", "did:web:x#frag"} {
		if _, err := key.NewControllerDocument(bad, kp.Public); err == nil {
			t.Errorf("controller %q accepted", bad)
		}
	}
	if _, err := key.NewControllerDocument("did:web:x"); err == nil {
		t.Error("a document without keys was built")
	}
}

func TestResolveP256Multikey(t *testing.T) {
	s := newDocServer(t)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	mk, _ := key.EncodeMultikey(&ec.PublicKey)
	did := s.didWeb()
	s.docs["/.well-known/did.json"] = map[string]any{
		"id": did,
		"verificationMethod": []any{map[string]any{
			"id": did + "#p256", "type": "Multikey", "controller": did, "publicKeyMultibase": mk,
		}},
		"assertionMethod": []any{did + "#p256"},
	}
	vm, err := s.resolver().Resolve(t.Context(), did+"#p256")
	if err != nil {
		t.Fatal(err)
	}
	if !ec.PublicKey.Equal(vm.PublicKey) || !vm.AssertionMethod {
		t.Fatalf("vm = %+v", vm)
	}
}
