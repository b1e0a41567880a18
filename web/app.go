package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// handler is a page handler; a returned error is rendered by s.fail as a status page.
type handler func(w http.ResponseWriter, r *http.Request) error

// state is what s.app learns about a request before its handler runs.
type state struct {
	lang    pokot.Lang
	user    *pokot.User
	sess    *pokot.Session
	token   string // session token from the cookie
	expired bool   // a session cookie was sent but the session is gone
	flash   string // catalog key of a one-time message
	csrf    string // the token forms must carry
}

type stateKey struct{}

// st returns the request's state; outside s.app it is an empty anonymous state whose
// language render and fail take from the request.
func st(r *http.Request) *state {
	if s, ok := r.Context().Value(stateKey{}).(*state); ok {
		return s
	}
	return &state{}
}

// app wraps a page handler: it loads the session and the language, checks the CSRF token
// of every POST, and renders a returned error in the user's language.
func (s *server) app(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs := &state{}
		r = r.WithContext(context.WithValue(r.Context(), stateKey{}, rs))
		if err := s.loadSession(w, r, rs); err != nil {
			rs.lang = requestLang(r)
			s.fail(w, r, err)
			return
		}
		s.resolveLang(w, r, rs)
		rs.flash = s.takeFlash(w, r)
		if rs.expired && rs.flash == "" {
			rs.flash = "flash.session_expired"
		}
		rs.csrf = s.csrfToken(w, r, rs)
		if r.Method == http.MethodPost {
			if rs.expired {
				// The form was made for a session that has ended: nothing is done.
				s.redirectFlash(w, r, "/signin?next="+url.QueryEscape(localPath(r.Referer(), "/dashboard")), "flash.session_expired")
				return
			}
			if err := s.checkCSRF(r, rs); err != nil {
				s.fail(w, r, err)
				return
			}
		}
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// signedIn sends anonymous visitors to the sign-in page and back here afterwards.
func (s *server) signedIn(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if st(r).user == nil {
			next := r.URL.Path
			if r.Method != http.MethodGet {
				next = "/dashboard"
			}
			key := ""
			if st(r).expired {
				key = "flash.session_expired"
			}
			s.redirectFlash(w, r, "/signin?next="+url.QueryEscape(next), key)
			return nil
		}
		return h(w, r)
	}
}

// platformAdmin allows only platform administrators.
func (s *server) platformAdmin(h handler) handler {
	return s.signedIn(func(w http.ResponseWriter, r *http.Request) error {
		if !st(r).user.Admin {
			return forbidden()
		}
		return h(w, r)
	})
}

func forbidden() error {
	return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "error.forbidden.text", Message: "not allowed"}
}

func notFoundErr() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "error.not_found.text", Message: "not found"}
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) error { return notFoundErr() }

// resolveLang picks the language: ?lang= (remembered in a cookie and the profile), then the
// cookie, then the profile, then Accept-Language, then Finnish. An unknown ?lang is ignored.
func (s *server) resolveLang(w http.ResponseWriter, r *http.Request, rs *state) {
	if l, ok := pokot.ParseLang(r.URL.Query().Get("lang")); ok {
		rs.lang = l
		s.setCookie(w, langCookie, string(l), 365*24*3600)
		if rs.user != nil && rs.user.Lang != l {
			u := *rs.user
			u.Lang = l
			if err := s.store.UpdateUser(r.Context(), &u); err != nil {
				s.log.Warn("remember language", "err", err)
			} else {
				rs.user = &u
			}
		}
		return
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := pokot.ParseLang(c.Value); ok {
			rs.lang = l
			return
		}
	}
	if rs.user != nil {
		if l, ok := pokot.ParseLang(string(rs.user.Lang)); ok {
			rs.lang = l
			return
		}
	}
	rs.lang = i18n.Negotiate(r.Header.Get("Accept-Language"))
}

// requestLang is the language without a session: cookie, then Accept-Language.
func requestLang(r *http.Request) pokot.Lang {
	if l, ok := pokot.ParseLang(r.URL.Query().Get("lang")); ok {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := pokot.ParseLang(c.Value); ok {
			return l
		}
	}
	return i18n.Negotiate(r.Header.Get("Accept-Language"))
}

// localPath returns target's path and query when it is a path on this site, else def.
// It stops open redirects through ?next= and the Referer.
func localPath(target, def string) string {
	if target == "" {
		return def
	}
	u, err := url.Parse(target)
	if err != nil {
		return def
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.Contains(p, "\\") {
		return def
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

// nextParam returns the validated ?next= (or form "next") target.
func nextParam(r *http.Request) string {
	n := r.FormValue("next")
	if n == "" {
		return "/dashboard"
	}
	u, err := url.Parse(n)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/dashboard"
	}
	return localPath(n, "/dashboard")
}
