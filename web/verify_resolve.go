package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// maxLocalDocs bounds the documents fetched in-process for one verification.
const maxLocalDocs = 16

// verifier returns the Verifier for one credential (JSON text or a compact JWT). A
// credential of an organisation on this platform names its DID document and status lists
// at this site's own BaseURL (did:web:<host>:orgs:<slug>, <BaseURL>/orgs/<slug>/status/…).
// Fetching those over the network would fail where it matters most: on localhost, in a
// demo or behind a firewall the resolver refuses private addresses and plain http, and
// did:web always means https. key.Resolver has no hook for a fetch function, so this
// serves them instead through Overrides: each one is fetched from this server's own
// router in-process (GET, no cookies, only paths under /orgs/), and a Verifier for this
// request only is made with them; every other URL still goes through the network
// defaults. Credentials that name nothing on this site use the shared Verifier.
func (p *verifyPage) verifier(ctx context.Context, data []byte) *credential.Verifier {
	base, err := url.Parse(strings.TrimRight(p.s.cfg.BaseURL, "/"))
	if err != nil || base.Host == "" {
		return p.shared
	}
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
			if body, id := p.local(ctx, base, did, x); body != nil {
				if _, seen := docs[id]; !seen {
					docs[id] = body
					var doc any
					if json.Unmarshal(body, &doc) == nil {
						visit(doc) // a status list names its own signing key
					}
				}
			}
		}
	}
	for _, part := range credentialParts(data) {
		visit(part)
	}
	if len(docs) == 0 {
		return p.shared
	}
	return &credential.Verifier{Resolver: &key.Resolver{Overrides: docs}, Now: p.s.now}
}

// credentialParts decodes a JSON credential, or a JWT's header and payload.
func credentialParts(data []byte) []any {
	var out []any
	var doc any
	if json.Unmarshal(data, &doc) == nil {
		return append(out, doc)
	}
	parts := strings.Split(strings.TrimSpace(string(data)), ".")
	if len(parts) != 3 {
		return nil
	}
	for _, s := range parts[:2] {
		b, err := base64.RawURLEncoding.DecodeString(s)
		if err == nil && json.Unmarshal(b, &doc) == nil {
			out = append(out, doc)
		}
	}
	return out
}

// ownDID is the did:web prefix of this site's organisations: the host (a port written
// %3A) and the base URL's path segments.
func ownDID(base *url.URL) string {
	d := "did:web:" + strings.ReplaceAll(url.PathEscape(base.Host), ":", "%3A")
	for _, seg := range strings.Split(strings.Trim(base.Path, "/"), "/") {
		if seg != "" {
			d += ":" + seg
		}
	}
	return d
}

// local fetches s in-process when it names a document of this site: a did:web DID of
// this host or a URL under BaseURL. It returns the body and the override key (the DID
// without fragment, or the URL without fragment), or nil.
func (p *verifyPage) local(ctx context.Context, base *url.URL, did, s string) ([]byte, string) {
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
	// Below the base URL's own path, the router sees the path without it.
	path = "/" + strings.TrimPrefix(strings.TrimPrefix(path, strings.TrimRight(base.EscapedPath(), "/")), "/")
	if !strings.HasPrefix(path, "/orgs/") || strings.Contains(path, "..") {
		return nil, ""
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, ""
	}
	req.Host = base.Host
	req.RemoteAddr = "127.0.0.1:0"
	rec := &memResponse{header: http.Header{}}
	p.self.ServeHTTP(rec, req)
	if rec.code != http.StatusOK || rec.body.Len() > int(key.DefaultMaxBytes) {
		return nil, ""
	}
	return rec.body.Bytes(), s
}

// memResponse keeps an in-process response in memory.
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
		return len(b), nil // over the limit: refused above, no need to keep more
	}
	return m.body.Write(b)
}
