// Package ob3api serves the Open Badges 3.0 API (1EdTech OB 3.0 §6) for wallets and
// other platforms — the service description at /ims/ob/v3p0/discovery, a learner's
// credentials (GET with paging, POST upsert) and profile — and the OAuth 2.0
// authorization server that guards it: dynamic client registration (RFC 7591), the
// authorization code grant with PKCE S256 required, refresh tokens and revocation
// (RFC 7009). The consent page itself is a page of the web UI, which calls
// ParseAuthRequest and Approve.
package ob3api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/metrics"
)

// Store is the storage the API needs; *sqldb.DB implements it.
type Store interface {
	pokot.UserService
	pokot.WalletService
	pokot.OAuthService
}

// Lifetimes of what the authorization server hands out.
const (
	CodeTTL    = 2 * time.Minute
	AccessTTL  = time.Hour
	RefreshTTL = 30 * 24 * time.Hour
)

// maxBody bounds registration, token and profile requests; credentials may be larger.
const (
	maxBody           = 64 << 10
	maxCredentialBody = 1 << 20
)

// Patterns are the routes Handler serves, for the site's router.
var Patterns = []string{
	"GET /ims/ob/v3p0/discovery",
	"GET /ims/ob/v3p0/credentials",
	"POST /ims/ob/v3p0/credentials",
	"GET /ims/ob/v3p0/profile",
	"PUT /ims/ob/v3p0/profile",
	"OPTIONS /ims/ob/v3p0/",
	"POST /oauth/register",
	"POST /oauth/token",
	"POST /oauth/revoke",
}

// Server is the OB 3.0 API and its authorization server. Build it with New.
type Server struct {
	store  Store
	base   string // the site's BaseURL without a trailing slash
	logger *slog.Logger
	now    func() time.Time
	mux    *http.ServeMux
}

// Option changes a Server.
type Option func(*Server)

// WithClock sets the clock (tests).
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// WithLogger sets the logger of internal errors.
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.logger = l } }

// New returns the Server of the site at cfg.BaseURL.
func New(store Store, cfg pokot.Config, opts ...Option) *Server {
	s := &Server{store: store, base: strings.TrimRight(cfg.BaseURL, "/"), now: time.Now,
		logger: slog.New(slog.DiscardHandler), mux: http.NewServeMux()}
	for _, o := range opts {
		o(s)
	}
	s.mux.HandleFunc("GET /ims/ob/v3p0/discovery", s.discovery)
	s.mux.Handle("GET /ims/ob/v3p0/credentials", s.guard(pokot.OB3ScopeCredentialRead, s.getCredentials))
	s.mux.Handle("POST /ims/ob/v3p0/credentials", s.guard(pokot.OB3ScopeCredentialUpsert, s.upsertCredential))
	s.mux.Handle("GET /ims/ob/v3p0/profile", s.guard(pokot.OB3ScopeProfileRead, s.getProfile))
	s.mux.Handle("PUT /ims/ob/v3p0/profile", s.guard(pokot.OB3ScopeProfileUpdate, s.putProfile))
	s.mux.HandleFunc("OPTIONS /ims/ob/v3p0/", preflight)
	s.mux.HandleFunc("POST /oauth/register", s.register)
	s.mux.HandleFunc("POST /oauth/token", s.token)
	s.mux.HandleFunc("POST /oauth/revoke", s.revoke)
	return s
}

// ServeHTTP serves the routes in Patterns.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/ims/") {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
	s.mux.ServeHTTP(w, r)
}

// preflight answers CORS preflight requests: wallets call the API from browsers.
func preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
	h.Set("Access-Control-Expose-Headers", "X-Total-Count, Link")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// authed is a handler of an authenticated API request.
type authed func(w http.ResponseWriter, r *http.Request, u *pokot.User, t *pokot.OAuthToken) error

// guard authenticates the bearer access token, requires scope, and renders a returned
// error as Imsx_StatusInfo.
func (s *Server) guard(scope string, h authed) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		metrics.SetRoute(r.Context(), r.Pattern)
		w.Header().Set("Access-Control-Expose-Headers", "X-Total-Count, Link")
		scheme, secret, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		secret = strings.TrimSpace(secret)
		if !ok || !strings.EqualFold(scheme, "Bearer") || secret == "" || len(secret) > 200 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pokot", scope="`+scope+`"`)
			s.fail(w, r, http.StatusUnauthorized, "unauthorizedrequest", "send an OAuth 2.0 access token as 'Authorization: Bearer <token>'", nil)
			return
		}
		t, err := s.store.OAuthTokenByAccess(r.Context(), secret, s.now())
		var u *pokot.User
		if err == nil {
			u, err = s.store.UserByID(r.Context(), t.UserID)
		}
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pokot", error="invalid_token"`)
			s.fail(w, r, http.StatusUnauthorized, "unauthorizedrequest", "the access token is unknown, expired or revoked", nil)
			return
		}
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, "internal_server_error", "", err)
			return
		}
		if !has(t.Scopes, scope) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pokot", error="insufficient_scope", scope="`+scope+`"`)
			s.fail(w, r, http.StatusForbidden, "forbidden", "the access token lacks the scope "+scope, nil)
			return
		}
		if err := h(w, r, u, t); err != nil {
			s.failErr(w, r, err)
		}
	})
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// statusInfo is the OB 3.0 API's error document, Imsx_StatusInfo.
type statusInfo struct {
	CodeMajor   string     `json:"imsx_codeMajor"`
	Severity    string     `json:"imsx_severity"`
	Description string     `json:"imsx_description,omitempty"`
	CodeMinor   *codeMinor `json:"imsx_codeMinor,omitempty"`
}

type codeMinor struct {
	Field []codeMinorField `json:"imsx_codeMinorField"`
}

type codeMinorField struct {
	Name  string `json:"imsx_codeMinorFieldName"`
	Value string `json:"imsx_codeMinorFieldValue"`
}

// fail writes an Imsx_StatusInfo with an imsx_codeMinorFieldValue such as
// "unauthorizedrequest", "forbidden", "not_found", "invalid_data" or
// "internal_server_error". An internal error is logged, never shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, minor, desc string, err error) {
	if status >= 500 {
		s.logger.ErrorContext(r.Context(), "ob3api: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		desc = "Something went wrong on our side. Please try again later."
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(statusInfo{CodeMajor: "failure", Severity: "error", Description: desc,
		CodeMinor: &codeMinor{Field: []codeMinorField{{Name: "TargetEndSystem", Value: minor}}}})
}

// failErr maps a *pokot.Error to its status and code.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	e, _ := err.(*pokot.Error)
	if e == nil {
		s.fail(w, r, http.StatusInternalServerError, "internal_server_error", "", err)
		return
	}
	switch e.Code {
	case pokot.EINVALID:
		s.fail(w, r, http.StatusBadRequest, "invalid_data", e.Message, nil)
	case pokot.ETOOLARGE:
		s.fail(w, r, http.StatusRequestEntityTooLarge, "invalid_data", e.Message, nil)
	case pokot.ENOTFOUND:
		s.fail(w, r, http.StatusNotFound, "not_found", e.Message, nil)
	case pokot.ECONFLICT:
		s.fail(w, r, http.StatusConflict, "invalid_data", e.Message, nil)
	case pokot.EFORBIDDEN:
		s.fail(w, r, http.StatusForbidden, "forbidden", e.Message, nil)
	case pokot.EUNAUTHORIZED:
		s.fail(w, r, http.StatusUnauthorized, "unauthorizedrequest", e.Message, nil)
	default:
		s.fail(w, r, http.StatusInternalServerError, "internal_server_error", "", err)
	}
}

// readBody reads a request body of at most limit bytes. ETOOLARGE beyond it.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, &pokot.Error{Code: pokot.ETOOLARGE, Message: "the request body is too large"}
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return nil, &pokot.Error{Code: pokot.ETOOLARGE, Message: "the request body is too large"}
		}
		return nil, &pokot.Error{Code: pokot.EINVALID, Message: "the request body could not be read"}
	}
	return b, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
