package issuer

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/pokot/pokot/credential/key"
)

// maxLocalDocs bounds the documents served in-process for one verification.
const maxLocalDocs = 16

// LocalDocuments returns, as key.Resolver Overrides, the documents of this platform that a
// credential (JSON text or a compact JWT) names: its organisations' DID documents
// (did:web:<host>:orgs:<slug>) and status lists (<BaseURL>/orgs/<slug>/status/…), and those
// the found documents name in turn (a status list names its own signing key). Fetched over
// the network they would fail on localhost or behind a firewall — the resolver refuses
// private addresses, and did:web means https — so they are served from Handler in-process
// (GET, only paths under /orgs/). Everything else is left to the resolver's network rules.
// The result is empty when the credential names nothing of this platform.
func (s *Service) LocalDocuments(ctx context.Context, credential []byte) map[string][]byte {
	h := s.Handler()
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
			body, id := s.localDocument(ctx, h, x)
			if body == nil {
				return
			}
			if _, seen := docs[id]; seen {
				return
			}
			docs[id] = body
			var doc any
			if json.Unmarshal(body, &doc) == nil {
				visit(doc)
			}
		}
	}
	for _, part := range credentialParts(credential) {
		visit(part)
	}
	return docs
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
	for _, p := range parts[:2] {
		var v any
		if b, err := base64.RawURLEncoding.DecodeString(p); err == nil && json.Unmarshal(b, &v) == nil {
			out = append(out, v)
		}
	}
	return out
}

// localDocument serves ref from h when it names a document of this platform: a did:web
// DID under this platform's prefix or a URL under the base URL, in either case under
// /orgs/. It returns the body and the Overrides key (ref without its fragment), or nil.
func (s *Service) localDocument(ctx context.Context, h http.Handler, ref string) ([]byte, string) {
	ref, _, _ = strings.Cut(ref, "#")
	var path string
	switch {
	case strings.HasPrefix(ref, s.didPfx+":"):
		u, err := key.DIDWebURL(ref)
		if err != nil {
			return nil, ""
		}
		pu, err := url.Parse(u)
		if err != nil {
			return nil, ""
		}
		path = pu.EscapedPath()
	case strings.HasPrefix(ref, s.base.String()+"/"):
		pu, err := url.Parse(ref)
		if err != nil || pu.RawQuery != "" {
			return nil, ""
		}
		path = pu.EscapedPath()
	default:
		return nil, ""
	}
	// Below the base URL's own path, Handler's patterns see the path without it.
	path = "/" + strings.TrimPrefix(strings.TrimPrefix(path, strings.TrimRight(s.base.EscapedPath(), "/")), "/")
	if !strings.HasPrefix(path, "/orgs/") || strings.Contains(path, "..") {
		return nil, ""
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, ""
	}
	req.Host = s.base.Host
	rec := &memResponse{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if rec.code != http.StatusOK || rec.body.Len() > int(key.DefaultMaxBytes) {
		return nil, ""
	}
	return rec.body.Bytes(), ref
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
		return len(b), nil // over the limit: refused by the caller, no need to keep more
	}
	return m.body.Write(b)
}
