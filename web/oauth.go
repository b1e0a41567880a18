package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/ob3api"
)

// oauthPages are the pages of the OAuth 2.0 authorization server behind the Open Badges
// 3.0 API: the consent page where a signed-in learner lets an application (a wallet, an
// other platform) read or add their credentials, and the API's privacy notice. The API
// itself (package ob3api) is mounted next to them in routes.go.
type oauthPages struct {
	s   *server
	api *ob3api.Server
}

// newOAuth returns the pages and the API, or nil when the store cannot keep wallets and
// OAuth clients (every *sqldb.DB can).
func (s *server) newOAuth() *oauthPages {
	st, ok := s.store.(ob3api.Store)
	if !ok {
		return nil
	}
	return &oauthPages{s: s, api: ob3api.New(st, s.cfg, ob3api.WithClock(s.now), ob3api.WithLogger(s.log))}
}

// oauthData is the data of the consent page.
type oauthData struct {
	Client *pokot.OAuthClient
	Scopes []string // catalog keys of the requested scopes, in plain language
	Host   string   // where the browser returns to
	Params [][2]string
	Error  string // catalog key of a request that cannot be sent back to the client
}

// authorizeForm shows the consent page of an authorization request. Anonymous visitors
// sign in first and come back here with the same request.
func (p *oauthPages) authorizeForm(w http.ResponseWriter, r *http.Request) error {
	if st(r).user == nil {
		p.s.redirectFlash(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), "flash.oauth.signin")
		return nil
	}
	return p.handle(w, r, r.URL.Query(), "")
}

// authorize records the user's answer (s.app has checked the CSRF token) and sends the
// browser back to the client with a code or with error=access_denied.
func (p *oauthPages) authorize(w http.ResponseWriter, r *http.Request) error {
	if st(r).user == nil {
		return forbidden()
	}
	return p.handle(w, r, r.PostForm, r.PostForm.Get("decision"))
}

// handle validates the request in q; with no decision it shows the consent page.
func (p *oauthPages) handle(w http.ResponseWriter, r *http.Request, q url.Values, decision string) error {
	ar, aerr := p.api.ParseAuthRequest(r.Context(), q)
	if aerr != nil && aerr.Redirect == "" {
		return p.s.render(w, r, http.StatusBadRequest, "oauth", oauthData{Error: "oauth.error." + aerr.Code}, nil)
	}
	if aerr != nil {
		http.Redirect(w, r, aerr.Redirect, http.StatusSeeOther)
		return nil
	}
	switch decision {
	case "approve":
		to, err := p.api.Approve(r.Context(), ar, st(r).user.ID)
		if err != nil {
			return err
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	case "deny":
		http.Redirect(w, r, ar.Deny(), http.StatusSeeOther)
		return nil
	case "":
	default:
		return &pokot.Error{Code: pokot.EINVALID, Key: "error.bad_form.text", Message: "unknown decision"}
	}
	d := oauthData{Client: ar.Client, Host: hostOf(ar.RedirectURI)}
	for _, sc := range pokot.OB3Scopes { // in a fixed order, whatever the request's
		for _, want := range ar.Scopes {
			if want == sc {
				d.Scopes = append(d.Scopes, scopeKey(sc))
			}
		}
	}
	for _, k := range ob3api.Params {
		if v := q.Get(k); v != "" {
			d.Params = append(d.Params, [2]string{k, v})
		}
	}
	// The form posts here, and the answer redirects to the client: CSP form-action must
	// allow the client's origin too, or browsers stop the redirect.
	w.Header().Set("Content-Security-Policy", strings.Replace(csp, "form-action 'self'", "form-action 'self' "+ar.RedirectOrigin(), 1))
	w.Header().Set("X-Frame-Options", "DENY")
	return p.s.render(w, r, http.StatusOK, "oauth", d, nil)
}

func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Host
}

// privacy is the privacy notice of the OB 3.0 API, linked from its discovery document.
func (p *oauthPages) privacy(w http.ResponseWriter, r *http.Request) error {
	return p.s.render(w, r, http.StatusOK, "oauthprivacy", nil, nil)
}
