package issuer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
)

// Content types of the public documents.
const (
	ContentTypeDID     = "application/did+json"
	ContentTypeJSONLD  = "application/ld+json"
	ContentTypeVC      = "application/vc+ld+json"
	contentTypeProblem = "application/problem+json"
)

// Cache lifetimes: identity documents change rarely; a status list must show a revocation
// at once, so caches revalidate it (cheaply, by ETag) on every use.
const (
	cacheIdentity = "public, max-age=300"
	cacheStatus   = "public, no-cache"
)

// Patterns are the routes of Handler, for mounting it in another mux:
//
//	h := svc.Handler()
//	for _, p := range issuer.Patterns {
//		mux.Handle(p, h)
//	}
var Patterns = []string{
	"GET /orgs/{slug}/did.json",
	"GET /orgs/{slug}/profile.json",
	"GET /orgs/{slug}/status/{purpose}/{n}",
	"OPTIONS /orgs/{slug}/did.json",
	"OPTIONS /orgs/{slug}/profile.json",
	"OPTIONS /orgs/{slug}/status/{purpose}/{n}",
}

// Handler serves the organisations' public documents, without sign-in and open to any
// origin (CORS), with Go 1.22 patterns:
//
//	GET /orgs/{slug}/did.json                 the DID document (application/did+json)
//	GET /orgs/{slug}/profile.json             the OB 3.0 issuer Profile (application/ld+json)
//	GET /orgs/{slug}/status/{purpose}/{n}     a signed BitstringStatusListCredential (application/vc+ld+json)
//
// Mount it in the platform's mux under Patterns (the paths are not stripped); errors are RFC 9457 problem documents, details only in s.Logger.
func (s *Service) Handler() http.Handler {
	logger := s.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	h := &handler{s: s, log: logger}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orgs/{slug}/did.json", h.wrap(h.didDocument))
	mux.HandleFunc("GET /orgs/{slug}/profile.json", h.wrap(h.profile))
	mux.HandleFunc("GET /orgs/{slug}/status/{purpose}/{n}", h.wrap(h.statusList))
	for _, p := range []string{"/orgs/{slug}/did.json", "/orgs/{slug}/profile.json", "/orgs/{slug}/status/{purpose}/{n}"} {
		mux.HandleFunc("OPTIONS "+p, preflight)
	}
	return mux
}

type handler struct {
	s   *Service
	log *slog.Logger
}

func (h *handler) wrap(fn func(w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if err := fn(w, r); err != nil {
			h.problem(w, r, err)
		}
	}
}

func preflight(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
	w.Header().Set("Access-Control-Allow-Headers", "Accept, If-None-Match")
	w.Header().Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// org returns the organisation of the {slug} in the path; only its canonical slug names it,
// since its DID contains the slug.
func (h *handler) org(r *http.Request) (*pokot.Organisation, error) {
	slug := r.PathValue("slug")
	o, err := h.s.store.OrgBySlug(r.Context(), slug)
	if err != nil {
		return nil, err
	}
	if o.Slug != slug {
		return nil, &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.not_found", Message: "organisation not found"}
	}
	return o, nil
}

func (h *handler) didDocument(w http.ResponseWriter, r *http.Request) error {
	o, err := h.org(r)
	if err != nil {
		return err
	}
	doc, err := h.s.DIDDocument(r.Context(), o)
	if err != nil {
		return err
	}
	b, err := doc.JSON()
	if err != nil {
		return err
	}
	return serve(w, r, b, ContentTypeDID, cacheIdentity)
}

func (h *handler) profile(w http.ResponseWriter, r *http.Request) error {
	o, err := h.org(r)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(h.s.ProfileDocument(o), "", "  ")
	if err != nil {
		return err
	}
	return serve(w, r, append(b, '\n'), ContentTypeJSONLD, cacheIdentity)
}

func (h *handler) statusList(w http.ResponseWriter, r *http.Request) error {
	notFound := &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.status_list_not_found", Message: "status list not found"}
	purpose, ns := r.PathValue("purpose"), r.PathValue("n")
	n, err := strconv.Atoi(ns)
	if validPurpose(purpose) != nil || err != nil || n <= 0 || strconv.Itoa(n) != ns {
		return notFound
	}
	o, err := h.org(r)
	if err != nil {
		return err
	}
	b, err := h.s.StatusListCredential(r.Context(), o, purpose, n)
	if err != nil {
		return err
	}
	return serve(w, r, b, ContentTypeVC, cacheStatus)
}

// serve writes a document with its ETag, answering 304 to a matching If-None-Match.
func serve(w http.ResponseWriter, r *http.Request, body []byte, contentType, cache string) error {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	hd := w.Header()
	hd.Set("Cache-Control", cache)
	hd.Set("ETag", etag)
	hd.Set("X-Content-Type-Options", "nosniff")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	hd.Set("Content-Type", contentType)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
	return nil
}

// problem renders err as an RFC 9457 problem document. Not-found errors (an unknown
// organisation, purpose or list) are 404; anything else is logged and answered 500 with no
// details.
func (h *handler) problem(w http.ResponseWriter, r *http.Request, err error) {
	code, title := http.StatusInternalServerError, "Internal error"
	var pe *pokot.Error
	switch pokot.ErrorCode(err) {
	case pokot.ENOTFOUND, pokot.EINVALID:
		code, title = http.StatusNotFound, "Not found"
		if errors.As(err, &pe) && pe.Message != "" {
			title = pe.Message
		}
	default:
		h.log.Error("issuer: public document", "path", r.URL.Path, "err", err)
	}
	w.Header().Set("Content-Type", contentTypeProblem)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": title, "status": code})
}
