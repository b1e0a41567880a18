package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// maxLocalDocs bounds the documents fetched in-process for one verification.
const maxLocalDocs = 16

// verifier returns the Verifier for one credential (JSON text or a compact JWT). A
// credential of an organisation on this platform names its DID document and status lists
// at this site's BaseURL (did:web:<host>:orgs:<slug>, <BaseURL>/orgs/<slug>/status/…).
// Fetched over the network those would fail on localhost or behind a firewall (the
// resolver refuses private addresses and plain http, and did:web means https), so each
// one is served from the issuer's own handler in-process (GET, only paths under /orgs/)
// through key.Resolver's Overrides. Every other URL goes through the network defaults,
// which never open the guard for private addresses.
func (a *API) verifier(ctx context.Context, data []byte) *credential.Verifier {
	network := &key.Resolver{CacheTTL: 5 * time.Minute}
	shared := &credential.Verifier{Resolver: network, Now: a.now}
	if a.issuer == nil {
		return shared
	}
	base, err := url.Parse(strings.TrimRight(a.cfg.BaseURL, "/"))
	if err != nil || base.Host == "" {
		return shared
	}
	h := a.issuer.Handler()
	did := ownDID(base)
	docs := map[string][]byte{}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				visit(e)
			}
		case []any:
			for _, e := range x {
				visit(e)
			}
		case string:
			if len(docs) >= maxLocalDocs {
				return
			}
			body, id := localDoc(ctx, h, base, did, x)
			if body == nil {
				return
			}
			if _, seen := docs[id]; seen {
				return
			}
			docs[id] = body
			var doc any
			if json.Unmarshal(body, &doc) == nil {
				visit(doc) // a status list names its own signing key
			}
		}
	}
	for _, part := range credentialParts(data) {
		visit(part)
	}
	if len(docs) == 0 {
		return shared
	}
	return &credential.Verifier{Resolver: &key.Resolver{Overrides: docs, CacheTTL: 5 * time.Minute}, Now: a.now}
}

// credentialParts decodes a JSON credential, or a JWT's header and payload.
func credentialParts(data []byte) []any {
	var doc any
	if json.Unmarshal(data, &doc) == nil {
		return []any{doc}
	}
	parts := strings.Split(strings.TrimSpace(string(data)), ".")
	if len(parts) != 3 {
		return nil
	}
	var out []any
	for _, s := range parts[:2] {
		var v any
		if b, err := base64.RawURLEncoding.DecodeString(s); err == nil && json.Unmarshal(b, &v) == nil {
			out = append(out, v)
		}
	}
	return out
}

// ownDID is the did:web prefix of this site's organisations: the host (a port written
// %3A) and the base URL's path segments, as issuer.Service makes them.
func ownDID(base *url.URL) string {
	d := "did:web:" + strings.ReplaceAll(url.PathEscape(base.Host), ":", "%3A")
	for _, seg := range strings.Split(strings.Trim(base.Path, "/"), "/") {
		if seg != "" {
			d += ":" + url.PathEscape(seg)
		}
	}
	return d
}

// localDoc fetches s from h in-process when it names a document of this site: a did:web
// DID of this host or a URL under the base URL, in either case under /orgs/. It returns
// the body and the Overrides key (s without its fragment), or nil.
func localDoc(ctx context.Context, h http.Handler, base *url.URL, did, s string) ([]byte, string) {
	s, _, _ = strings.Cut(s, "#")
	var path string
	switch {
	case strings.HasPrefix(s, did+":"):
		u, err := key.DIDWebURL(s)
		if err != nil {
			return nil, ""
		}
		pu, err := url.Parse(u)
		if err != nil {
			return nil, ""
		}
		path = pu.EscapedPath()
	case strings.HasPrefix(s, base.String()+"/"):
		pu, err := url.Parse(s)
		if err != nil || pu.RawQuery != "" {
			return nil, ""
		}
		path = pu.EscapedPath()
	default:
		return nil, ""
	}
	// Below the base URL's own path, the issuer's patterns see the path without it.
	path = "/" + strings.TrimPrefix(strings.TrimPrefix(path, strings.TrimRight(base.EscapedPath(), "/")), "/")
	if !strings.HasPrefix(path, "/orgs/") || strings.Contains(path, "..") {
		return nil, ""
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, ""
	}
	req.Host = base.Host
	rec := &memResponse{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if rec.code != http.StatusOK || rec.body.Len() > int(key.DefaultMaxBytes) {
		return nil, ""
	}
	return rec.body.Bytes(), s
}

// memResponse keeps an in-process response in memory, up to just over the size limit.
type memResponse struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (m *memResponse) Header() http.Header { return m.header }

func (m *memResponse) WriteHeader(code int) {
	if m.code == 0 {
		m.code = code
	}
}

func (m *memResponse) Write(b []byte) (int, error) {
	m.WriteHeader(http.StatusOK)
	if m.body.Len() > int(key.DefaultMaxBytes) {
		return len(b), nil
	}
	return m.body.Write(b)
}
