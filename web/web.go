// Package web is the server-rendered HTML user interface of POKOT: sign-in, dashboards,
// organisations, members and invitations, profile and the platform administration, in
// Finnish, Swedish and English. routes.go lists the whole URL space.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
)

// Deps are the collaborators of the web UI, wired in cmd/pokot.
type Deps struct {
	Config  pokot.Config
	Store   pokot.Store
	Mailer  pokot.Mailer
	Logger  *slog.Logger
	API     http.Handler // mounted at /api/; nil = 404
	Metrics http.Handler // mounted at /metrics; nil = 404
	// Instrument optionally wraps the router, e.g. for request metrics.
	Instrument func(http.Handler) http.Handler
	// OIDC lists the OpenID Connect providers offered on the sign-in page.
	OIDC []OIDCLogin
	// Now returns the current time; nil means time.Now (tests move the clock).
	Now func() time.Time
	// Issuer publishes the organisations' DID documents, issuer profiles and status lists;
	// nil leaves those routes out.
	Issuer *issuer.Service
}

// Identity is what an OpenID Connect provider tells us about the person who signed in.
type Identity struct {
	Subject       string
	Email         string
	Name          string
	EmailVerified bool
}

// OIDCLogin is one configured OpenID Connect provider; package oidc implements it.
type OIDCLogin interface {
	// ID is the short name used in URLs, e.g. "entra".
	ID() string
	// Name is shown on the sign-in button, e.g. "Microsoft Entra ID".
	Name() string
	// AuthURL is where the browser is sent to sign in.
	AuthURL(state, nonce, redirectURL string) string
	// Exchange redeems the authorisation code and returns the verified identity; the
	// ID token's nonce must equal nonce.
	Exchange(ctx context.Context, code, nonce, redirectURL string) (Identity, error)
}

// server holds the dependencies and the parsed templates.
type server struct {
	cfg    pokot.Config
	store  pokot.Store
	mailer pokot.Mailer
	log    *slog.Logger
	oidc   []OIDCLogin
	issuer *issuer.Service
	now    func() time.Time
	tmpl   *templates
	static *staticFiles
	limits limits
	// apiLimitsBodies: the API handler bounds every request body itself (bodyBounder), so
	// limitBody leaves /api/ to it.
	apiLimitsBodies bool
	dummyPW         string // hash verified for unknown e-mail addresses, so that timing does not tell
}

// limits are the request-size and throttling limits of the UI.
type limits struct {
	body         int64
	signinPerAcc int
	signinPerIP  int
	signinWindow time.Duration
}

// defaultLimits: 1 MiB request bodies; 5 sign-in attempts per account and 100 per IP
// address (or IPv6 /64) in 15 minutes. The per-IP limit is high because a whole class often
// signs in at once from behind one school NAT address; the per-account limit is what stops
// password guessing against one person.
var defaultLimits = limits{body: 1 << 20, signinPerAcc: 5, signinPerIP: 100, signinWindow: 15 * time.Minute}

// bodyBounder is an API handler that bounds every request body it reads (package api
// does, with its own limits and problem JSON).
type bodyBounder interface{ BoundsBodies() bool }

// New returns the HTTP handler of the whole site: the UI, /healthz, /readyz, the static
// files, and the API and metrics handlers mounted under /api/ and /metrics.
func New(d Deps) (http.Handler, error) {
	if d.Store == nil || d.Mailer == nil {
		return nil, errors.New("web: Store and Mailer are required")
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Config.SessionTTL <= 0 {
		d.Config.SessionTTL = pokot.DefaultConfig().SessionTTL
	}
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	s := &server{
		cfg: d.Config, store: d.Store, mailer: d.Mailer, log: d.Logger, oidc: d.OIDC,
		now: d.Now, static: st, limits: defaultLimits,
	}
	if s.tmpl, err = parseTemplates(st); err != nil {
		return nil, err
	}
	if s.dummyPW, err = dummyHash(); err != nil {
		return nil, err
	}
	// The same *http.Request reaches the router through every layer, so that the log and
	// Instrument can read the matched route pattern (r.Pattern) afterwards.
	s.issuer = d.Issuer
	if b, ok := d.API.(bodyBounder); ok && b.BoundsBodies() {
		s.apiLimitsBodies = true
	}
	var h http.Handler = s.routes(d.API, d.Metrics)
	h = s.recoverPanics(h)
	h = s.limitBody(h)
	h = s.logRequests(h)
	if d.Instrument != nil {
		h = d.Instrument(h)
	}
	h = s.securityHeaders(h)
	return h, nil
}
