package key

import (
	"context"
	"crypto"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// DefaultMaxBytes is the largest document the resolver fetches unless told otherwise.
const DefaultMaxBytes = 256 << 10

// Errors of key resolution; compare with errors.Is.
var (
	ErrFragmentMismatch   = errors.New("verification method fragment does not match the key")
	ErrMethodNotFound     = errors.New("verification method is not listed in the controller document")
	ErrControllerMismatch = errors.New("verification method controller does not match the document")
	ErrBadDocument        = errors.New("invalid controller document")
	ErrUnsupportedID      = errors.New("unsupported verification method id")
)

// VerificationMethod is a resolved public key with the identifiers it was found under.
type VerificationMethod struct {
	ID         string // absolute verification method id
	Controller string // the controller, equal to the id of the document that lists the key
	Type       string // Multikey, JsonWebKey, JsonWebKey2020, Ed25519VerificationKey2020
	PublicKey  crypto.PublicKey
	// AssertionMethod reports whether the controller authorises the key for assertions
	// (issuing credentials); always true for did:key.
	AssertionMethod bool
}

// Resolver resolves verification method ids to public keys and fetches documents such as
// status list credentials. did:key is resolved locally; did:web and HTTPS ids are fetched
// with timeouts, a size limit, limited redirects and, unless AllowPrivate is set, never
// from private, loopback, link-local or unspecified addresses (checked when dialling).
// The zero value is ready to use; a Resolver is safe for concurrent use once configured.
type Resolver struct {
	// Offline refuses all network access; did:key and Overrides still work.
	Offline bool
	// AllowPrivate permits connections to private and loopback addresses (tests, intranets).
	AllowPrivate bool
	// AllowHTTP permits plain http URLs (tests only).
	AllowHTTP bool
	// Overrides serves documents from memory instead of the network, e.g. for
	// `pokot verify --resolve URL=FILE`: keyed by URL (without fragment), or for a DID
	// document also by the DID itself (did:web:example.fi).
	Overrides map[string][]byte
	// Timeout of one fetch; default 10 s.
	Timeout time.Duration
	// MaxBytes is the size limit of one document; default DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects is the number of redirects followed; default 3, negative for none.
	MaxRedirects int
	// TLSConfig of the HTTP client (e.g. a test server's root CA); nil for the default.
	TLSConfig *tls.Config
	// CacheTTL keeps fetched documents in memory this long; 0 disables the cache.
	CacheTTL time.Duration

	clientOnce sync.Once
	client     *http.Client
	// dialRewrite, set only by tests, changes the address dialled after the URL checks.
	dialRewrite func(addr string) string

	mu       sync.Mutex
	cache    map[string]cached
	inflight map[string]*flight
}

type cached struct {
	body    []byte
	expires time.Time
}

// Fetch returns the document at rawURL (an override, a cached copy, or a guarded GET).
func (r *Resolver) Fetch(ctx context.Context, rawURL string) ([]byte, error) {
	u, _, _ := strings.Cut(rawURL, "#")
	if b, ok := r.Overrides[u]; ok {
		return b, nil
	}
	if b, ok := r.Overrides[rawURL]; ok {
		return b, nil
	}
	if r.Offline {
		return nil, fmt.Errorf("%w: cannot fetch %s", ErrOffline, u)
	}
	if r.CacheTTL <= 0 {
		return r.get(ctx, u)
	}
	// With a cache, concurrent fetches of one URL share a single request.
	r.mu.Lock()
	if c, ok := r.cache[u]; ok && time.Now().Before(c.expires) {
		r.mu.Unlock()
		return c.body, nil
	}
	if f, ok := r.inflight[u]; ok {
		r.mu.Unlock()
		select {
		case <-f.done:
			return f.body, f.err
		case <-ctx.Done():
			return nil, fmt.Errorf("%w: %v", ErrFetch, ctx.Err())
		}
	}
	f := &flight{done: make(chan struct{})}
	if r.inflight == nil {
		r.inflight = map[string]*flight{}
	}
	r.inflight[u] = f
	r.mu.Unlock()

	f.body, f.err = r.get(ctx, u)
	r.mu.Lock()
	delete(r.inflight, u)
	if f.err == nil {
		if r.cache == nil || len(r.cache) >= maxCached {
			r.cache = map[string]cached{}
		}
		r.cache[u] = cached{body: f.body, expires: time.Now().Add(r.CacheTTL)}
	}
	r.mu.Unlock()
	close(f.done)
	return f.body, f.err
}

// maxCached bounds the documents a Resolver keeps; past it the cache starts afresh.
const maxCached = 1024

type flight struct {
	done chan struct{}
	body []byte
	err  error
}

// Resolve returns the public key of a verification method id: did:key ids locally
// (the fragment must equal the key), did:web and https ids from their controller
// document, in which the method must be listed and whose id must be its controller.
func (r *Resolver) Resolve(ctx context.Context, id string) (*VerificationMethod, error) {
	switch {
	case strings.HasPrefix(id, "did:key:"):
		pub, err := ParseDIDKey(id)
		if err != nil {
			return nil, err
		}
		did, _, _ := strings.Cut(id, "#")
		return &VerificationMethod{
			ID: did + "#" + strings.TrimPrefix(did, "did:key:"), Controller: did,
			Type: "Multikey", PublicKey: pub, AssertionMethod: true,
		}, nil
	case strings.HasPrefix(id, "did:web:"):
		did, frag, _ := strings.Cut(id, "#")
		docURL, err := DIDWebURL(did)
		if err != nil {
			return nil, err
		}
		if frag == "" {
			return nil, fmt.Errorf("%w: a did:web verification method needs a fragment: %q", ErrUnsupportedID, id)
		}
		return r.resolveInDocument(ctx, id, did, docURL)
	case strings.HasPrefix(id, "https://") || (r.AllowHTTP && strings.HasPrefix(id, "http://")):
		u, err := url.Parse(id)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("%w: %q", ErrUnsupportedID, id)
		}
		docID, frag, _ := strings.Cut(id, "#")
		if frag == "" {
			return r.resolveStandalone(ctx, id)
		}
		return r.resolveInDocument(ctx, id, docID, docID)
	default:
		return nil, fmt.Errorf("%w: %q", ErrUnsupportedID, id)
	}
}

// resolveInDocument fetches the controller document docID from docURL and finds the
// method id in it.
func (r *Resolver) resolveInDocument(ctx context.Context, id, docID, docURL string) (*VerificationMethod, error) {
	body, ok := r.Overrides[docID] // an override may name the DID instead of its URL
	if !ok {
		var err error
		if body, err = r.Fetch(ctx, docURL); err != nil {
			return nil, fmt.Errorf("resolve %s: %w", id, err)
		}
	}
	doc, err := parseDocument(body)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", id, err)
	}
	if doc.id != docID {
		return nil, fmt.Errorf("%w: document at %s has id %q, expected %q", ErrBadDocument, docURL, doc.id, docID)
	}
	return doc.find(id)
}

// resolveStandalone handles an https id without fragment whose URL serves the
// verification method itself: its controller document must list it as well.
func (r *Resolver) resolveStandalone(ctx context.Context, id string) (*VerificationMethod, error) {
	body, err := r.Fetch(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", id, err)
	}
	doc, err := parseDocument(body)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", id, err)
	}
	if doc.id == id && len(doc.methods) > 0 {
		// A controller document at the URL itself that lists the method by full id.
		return doc.find(id)
	}
	vm, err := parseMethod(doc.raw, "")
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", id, err)
	}
	if vm.ID != id {
		return nil, fmt.Errorf("%w: document at %s describes %q", ErrMethodNotFound, id, vm.ID)
	}
	if vm.Controller == "" || vm.Controller == id {
		return nil, fmt.Errorf("%w: verification method %s names no separate controller", ErrBadDocument, id)
	}
	ctrlURL := vm.Controller
	if strings.HasPrefix(ctrlURL, "did:web:") {
		if ctrlURL, err = DIDWebURL(vm.Controller); err != nil {
			return nil, err
		}
	}
	ctrl, err := r.resolveInDocument(ctx, id, vm.Controller, ctrlURL)
	if err != nil {
		return nil, err
	}
	if !publicKeysEqual(ctrl.PublicKey, vm.PublicKey) {
		return nil, fmt.Errorf("%w: the controller document lists a different key for %s", ErrMethodNotFound, id)
	}
	return ctrl, nil
}

// DIDWebURL returns the https URL of the DID document of a did:web DID:
// did:web:example.com → https://example.com/.well-known/did.json,
// did:web:example.com:u:alice → https://example.com/u/alice/did.json,
// did:web:localhost%3A8443 → https://localhost:8443/.well-known/did.json.
func DIDWebURL(did string) (string, error) {
	rest, ok := strings.CutPrefix(did, "did:web:")
	if !ok || rest == "" || strings.ContainsAny(rest, "/?#") {
		return "", fmt.Errorf("%w: malformed did:web %q", ErrUnsupportedID, did)
	}
	parts := strings.Split(rest, ":")
	host, err := url.PathUnescape(parts[0])
	if err != nil || host == "" || strings.ContainsAny(host, "/@\\ ") {
		return "", fmt.Errorf("%w: malformed did:web host in %q", ErrUnsupportedID, did)
	}
	if len(parts) == 1 {
		return "https://" + host + "/.well-known/did.json", nil
	}
	segs := make([]string, 0, len(parts)-1)
	for _, p := range parts[1:] {
		s, err := url.PathUnescape(p)
		if err != nil || s == "" || s == "." || s == ".." || strings.ContainsAny(s, "/\\") {
			return "", fmt.Errorf("%w: malformed did:web path in %q", ErrUnsupportedID, did)
		}
		segs = append(segs, url.PathEscape(s))
	}
	return "https://" + host + "/" + strings.Join(segs, "/") + "/did.json", nil
}
