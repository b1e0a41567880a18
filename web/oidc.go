package web

import (
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/pokot/pokot"
)

// oidcCookiePath limits the state cookie to the OIDC routes.
const oidcCookiePath = "/auth/oidc/"

// oidcProvider finds the configured provider of {provider}.
func (s *server) oidcProvider(r *http.Request) (OIDCLogin, error) {
	id := r.PathValue("provider")
	for _, p := range s.oidc {
		if p.ID() == id {
			return p, nil
		}
	}
	return nil, notFoundErr()
}

func (s *server) oidcRedirectURL(p OIDCLogin) string {
	return s.cfg.BaseURL + "/auth/oidc/" + p.ID() + "/callback"
}

// oidcStart sends the browser to the provider. State and nonce are random and kept in a
// short-lived HttpOnly cookie scoped to /auth/oidc/ (SameSite=Lax lets it come back on the
// provider's top-level redirect); the callback compares them.
func (s *server) oidcStart(w http.ResponseWriter, r *http.Request) error {
	p, err := s.oidcProvider(r)
	if err != nil {
		return err
	}
	state, nonce := randomToken(), randomToken()
	next := nextParam(r)
	s.setPathCookie(w, oidcCookie, state+"."+nonce+"."+encodeNext(next), oidcCookiePath, 600)
	http.Redirect(w, r, p.AuthURL(state, nonce, s.oidcRedirectURL(p)), http.StatusSeeOther)
	return nil
}

// encodeNext keeps a local path safe inside the dot-separated cookie value.
func encodeNext(p string) string { return base64.RawURLEncoding.EncodeToString([]byte(p)) }

func decodeNext(s string) string {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "/dashboard"
	}
	return localPath(string(b), "/dashboard")
}

// oidcCallback finishes the sign-in: the account linked to the provider's subject, or else
// the account with the provider's verified e-mail address (which is then linked). Nobody is
// created here: people join through invitations.
func (s *server) oidcCallback(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := s.oidcProvider(r)
	if err != nil {
		return err
	}
	s.setPathCookie(w, oidcCookie, "", oidcCookiePath, -1)
	c, cerr := r.Cookie(oidcCookie)
	var state, nonce, next string
	if cerr == nil {
		parts := strings.SplitN(c.Value, ".", 3)
		if len(parts) == 3 {
			state, nonce = parts[0], parts[1]
			next = decodeNext(parts[2])
		}
	}
	q := r.URL.Query()
	if state == "" || subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(state)) != 1 {
		return s.oidcRefuse(w, r, http.StatusBadRequest, "err.oidc_state")
	}
	if q.Get("error") != "" || q.Get("code") == "" {
		return s.oidcRefuse(w, r, http.StatusUnauthorized, "err.oidc_cancelled")
	}
	id, err := p.Exchange(ctx, q.Get("code"), nonce, s.oidcRedirectURL(p))
	if err != nil {
		s.log.Warn("oidc exchange failed", "provider", p.ID(), "err", err)
		return s.oidcRefuse(w, r, http.StatusUnauthorized, "err.oidc_failed")
	}
	if id.Subject == "" {
		return s.oidcRefuse(w, r, http.StatusUnauthorized, "err.oidc_failed")
	}
	u, err := s.store.UserByIdentity(ctx, p.ID(), id.Subject)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		u = nil
		if id.EmailVerified && id.Email != "" {
			email, nerr := pokot.NormalizeEmail(id.Email)
			if nerr == nil {
				u, err = s.store.UserByEmail(ctx, email)
				if pokot.ErrorCode(err) == pokot.ENOTFOUND {
					u = nil
				} else if err != nil {
					return err
				}
			}
		}
		if u == nil {
			return s.oidcRefuse(w, r, http.StatusForbidden, "err.oidc_no_account")
		}
		if err := s.store.LinkIdentity(ctx, p.ID(), id.Subject, u.ID); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	if next == "" {
		next = "/dashboard"
	}
	s.redirectFlash(w, r, next, "flash.signed_in")
	return nil
}

// oidcRefuse shows the sign-in page with a message about the failed provider sign-in.
func (s *server) oidcRefuse(w http.ResponseWriter, r *http.Request, status int, key string) error {
	f := newForm("signin", nil)
	f.Add("", key)
	return s.renderSignin(w, r, status, f, f)
}
