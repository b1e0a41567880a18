// Package api serves the JSON API at /api/v1: personal access tokens as bearer tokens,
// errors as RFC 9457 problem JSON, and the OpenAPI 3.1 document that describes it.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/metrics"
)

// maxBody is the largest request body the API reads.
const maxBody = 64 << 10

// keyScope marks the 403 of a token that lacks the scope in Field.
const keyScope = "err.insufficient_scope"

// API is the JSON API handler. Build it with New.
type API struct {
	store  pokot.Store
	cfg    pokot.Config
	logger *slog.Logger
	mailer pokot.Mailer
	issuer *issuer.Service // serves this site's DID documents and status lists to verify
	now    func() time.Time
	mux    *http.ServeMux
	routes []route
}

// route is one endpoint. scope "" means public (no token needed).
type route struct {
	method, path string
	scope        pokot.Scope
	h            handlerFunc
}

// handlerFunc serves one authenticated request; it returns an error to render as problem
// JSON. u is nil on public routes.
type handlerFunc func(w http.ResponseWriter, r *http.Request, u *pokot.User) error

// Option changes an API.
type Option func(*API)

// WithMailer sets the mailer for invitation e-mails (default: straight into the outbox).
func WithMailer(m pokot.Mailer) Option { return func(a *API) { a.mailer = m } }

// WithClock sets the clock (tests).
func WithClock(now func() time.Time) Option { return func(a *API) { a.now = now } }

// New returns the handler of /api/v1. Mount it at /api/ without stripping the prefix.
func New(store pokot.Store, cfg pokot.Config, logger *slog.Logger, opts ...Option) http.Handler {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	a := &API{store: store, cfg: cfg, logger: logger, now: time.Now, mux: http.NewServeMux()}
	for _, o := range opts {
		o(a)
	}
	if a.mailer == nil {
		a.mailer = outbox{store}
	}
	a.routes = []route{
		{"GET", "/api/v1/openapi.json", "", a.openAPI},
		{"GET", "/api/v1/me", pokot.ScopeRead, a.me},
		{"POST", "/api/v1/verify", "", a.verify},
		{"GET", "/api/v1/orgs", pokot.ScopeRead, a.orgs},
		{"GET", "/api/v1/orgs/{slug}", pokot.ScopeRead, a.org},
		{"GET", "/api/v1/orgs/{slug}/members", pokot.ScopeRead, a.members},
		{"POST", "/api/v1/orgs/{slug}/invitations", pokot.ScopeWrite, a.invite},
		{"GET", "/api/v1/microcredentials", "", a.searchCatalog},
		{"GET", "/api/v1/microcredentials/{id}", "", a.microcredential},
		{"GET", "/api/v1/microcredentials/{id}/ob3", "", a.microcredentialOB3},
		{"GET", "/api/v1/microcredentials/{id}/elm", "", a.microcredentialELM},
		{"GET", "/api/v1/microcredentials/{id}/versions", "", a.microcredentialVersions},
		{"GET", "/api/v1/orgs/{slug}/microcredentials", pokot.ScopeRead, a.orgMicrocredentials},
		{"POST", "/api/v1/orgs/{slug}/microcredentials", pokot.ScopeWrite, a.createMicrocredential},
		{"POST", "/api/v1/orgs/{slug}/microcredentials/import", pokot.ScopeWrite, a.importMicrocredentials},
		{"GET", "/api/v1/orgs/{slug}/microcredentials/{id}", pokot.ScopeRead, a.orgMicrocredential},
		{"PUT", "/api/v1/orgs/{slug}/microcredentials/{id}/draft", pokot.ScopeWrite, a.updateDraft},
		{"POST", "/api/v1/orgs/{slug}/microcredentials/{id}/transitions", pokot.ScopeWrite, a.transition},
		{"POST", "/api/v1/orgs/{slug}/microcredentials/{id}/versions", pokot.ScopeWrite, a.newVersion},
		// Delivery (issue 5): offerings, participants, assessments, credentials.
		{"GET", "/api/v1/orgs/{slug}/offerings", pokot.ScopeRead, a.offerings},
		{"GET", "/api/v1/orgs/{slug}/offerings/{id}", pokot.ScopeRead, a.offering},
		{"GET", "/api/v1/orgs/{slug}/offerings/{id}/participants", pokot.ScopeRead, a.participants},
		{"POST", "/api/v1/orgs/{slug}/offerings/{id}/assessments", pokot.ScopeWrite, a.saveAssessments},
		{"GET", "/api/v1/orgs/{slug}/offerings/{id}/credentials", pokot.ScopeRead, a.credentials},
		{"POST", "/api/v1/orgs/{slug}/offerings/{id}/credentials/{credentialId}/status", pokot.ScopeWrite, a.changeStatus},
		{"POST", "/api/v1/orgs/{slug}/offerings/{id}/issue", pokot.ScopeWrite, a.issue},
		{"GET", "/api/v1/orgs/{slug}/offerings/{id}/batches/{batchId}", pokot.ScopeRead, a.batch},
	}
	for _, rt := range a.routes {
		a.mux.Handle(rt.method+" "+rt.path, a.wrap(rt))
	}
	a.mux.HandleFunc("/", a.notFound)
	return a
}

// BoundsBodies reports that ServeHTTP bounds every request body (64 KiB, more for imports
// and verification), so that a site mounting the API need not cut bodies shorter.
func (a *API) BoundsBodies() bool { return true }

// ServeHTTP limits the body and dispatches to the routes.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	limit := int64(maxBody)
	switch {
	case r.URL.Path == verifyPath:
		limit = maxVerifyBody
	case isImportPath(r.URL.Path), isAssessmentsPath(r.URL.Path):
		limit = maxImportBody
	}
	if r.ContentLength > limit {
		writeError(w, r, a.logger, tooLargeThan(limit))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	a.mux.ServeHTTP(w, r)
}

func (a *API) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		metrics.SetRoute(r.Context(), r.Pattern)
		var u *pokot.User
		if rt.scope != "" {
			var err error
			if u, err = a.authenticate(r, rt.scope); err != nil {
				writeError(w, r, a.logger, err)
				return
			}
		}
		if err := rt.h(w, r, u); err != nil {
			writeError(w, r, a.logger, err)
		}
	})
}

// authenticate resolves the bearer token to its user and checks that the token carries
// scope. EUNAUTHORIZED without a valid token, EFORBIDDEN without the scope.
func (a *API) authenticate(r *http.Request, scope pokot.Scope) (*pokot.User, error) {
	h := r.Header.Get("Authorization")
	scheme, secret, ok := strings.Cut(h, " ")
	secret = strings.TrimSpace(secret)
	if !ok || !strings.EqualFold(scheme, "Bearer") || secret == "" || len(secret) > 200 {
		return nil, &pokot.Error{Code: pokot.EUNAUTHORIZED, Key: "err.token_required",
			Message: "send a personal access token as 'Authorization: Bearer <token>'"}
	}
	t, err := a.store.APITokenBySecret(r.Context(), secret, a.now())
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, &pokot.Error{Code: pokot.EUNAUTHORIZED, Key: "err.token_invalid",
			Message: "the token is unknown, expired or revoked"}
	}
	if err != nil {
		return nil, err
	}
	if !t.Has(scope) {
		return nil, &pokot.Error{Code: pokot.EFORBIDDEN, Key: keyScope, Field: string(scope),
			Message: "the token lacks the " + string(scope) + " scope"}
	}
	u, err := a.store.UserByID(r.Context(), t.UserID)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND { // the account is gone, its token with it
		return nil, &pokot.Error{Code: pokot.EUNAUTHORIZED, Key: "err.token_invalid",
			Message: "the token is unknown, expired or revoked"}
	}
	return u, err
}

// notFound answers paths without a route: 405 with Allow when another method has one.
func (a *API) notFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		probe := r.Clone(context.Background())
		probe.Method = m
		if _, p := a.mux.Handler(probe); p != "/" && p != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, r, a.logger, &pokot.Error{Code: pokot.EINVALID, Key: keyMethod,
			Message: "use " + strings.Join(allow, " or ") + " on this path"})
		return
	}
	writeError(w, r, a.logger, pokot.Errorf(pokot.ENOTFOUND, "no such API endpoint"))
}

func tooLarge() error {
	return &pokot.Error{Code: pokot.ETOOLARGE, Key: "err.too_large", Message: "the request body is larger than 64 KiB"}
}

// decode reads a JSON request body into v strictly: the content type must be JSON, unknown
// fields and trailing data are errors, and the body is size-limited by ServeHTTP.
func decode(r *http.Request, v any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return &pokot.Error{Code: pokot.EINVALID, Key: keyContentType, Message: "send the body as application/json"}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("trailing data after the JSON value")
	}
	if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			err = errors.New("trailing data after the JSON value")
		}
	}
	var mbe *http.MaxBytesError
	var ute *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &mbe):
		return tooLarge()
	case errors.Is(err, io.EOF):
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.json", Message: "the request body is empty"}
	case errors.As(err, &ute) && ute.Field != "":
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.json_type", Message: fmt.Sprintf("field %q must be a JSON %s", ute.Field, ute.Type.Kind())}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.json_field", Message: strings.TrimPrefix(err.Error(), "json: ")}
	}
	return &pokot.Error{Code: pokot.EINVALID, Key: "err.json", Message: "the request body is not valid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

// outbox is the fallback mailer: straight into the outbox for an administrator to read.
type outbox struct{ store pokot.MailService }

func (o outbox) Send(ctx context.Context, m *pokot.Mail) error {
	return o.store.QueueMail(ctx, m, true)
}
