package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// Cookie names. The session cookie holds only a random token; the session lives in the
// database so that several processes share it.
const (
	sessionCookie = "pokot_session"
	csrfCookie    = "pokot_csrf"
	langCookie    = "pokot_lang"
	flashCookie   = "pokot_flash"
	oidcCookie    = "pokot_oidc"
)

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site (Secure behind
// HTTPS). maxAge 0 makes a browser-session cookie, a negative one deletes it.
func (s *server) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	s.setPathCookie(w, name, value, "/", maxAge)
}

func (s *server) setPathCookie(w http.ResponseWriter, name, value, path string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: value, Path: path, MaxAge: maxAge,
		HttpOnly: true, Secure: s.cfg.HTTPS(), SameSite: http.SameSiteLaxMode,
	})
}

// loadSession finds the signed-in user from the session cookie. A cookie whose session
// has expired (or was ended elsewhere) is removed and remembered as rs.expired.
func (s *server) loadSession(w http.ResponseWriter, r *http.Request, rs *state) error {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	sess, err := s.store.SessionByToken(r.Context(), c.Value, s.now())
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		rs.expired = true
		s.setCookie(w, sessionCookie, "", -1)
		return nil
	} else if err != nil {
		return err
	}
	u, err := s.store.UserByID(r.Context(), sess.UserID)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		rs.expired = true
		s.setCookie(w, sessionCookie, "", -1)
		return nil
	} else if err != nil {
		return err
	}
	rs.sess, rs.user, rs.token = sess, u, c.Value
	return nil
}

// startSession signs u in on this browser: a fresh session (ending the one the browser
// had, against session fixation) and its cookie.
func (s *server) startSession(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	rs := st(r)
	if rs.token != "" {
		if err := s.store.DeleteSession(r.Context(), rs.token); err != nil {
			return err
		}
	}
	expires := s.now().Add(s.cfg.SessionTTL)
	token, sess, err := s.store.CreateSession(r.Context(), u.ID, expires)
	if err != nil {
		return err
	}
	s.setCookie(w, sessionCookie, token, int(s.cfg.SessionTTL/time.Second))
	rs.sess, rs.user, rs.token, rs.expired = sess, u, token, false
	if rs.user.Lang != "" {
		if l, ok := pokot.ParseLang(string(u.Lang)); ok {
			rs.lang = l
			s.setCookie(w, langCookie, string(l), 365*24*3600)
		}
	}
	return nil
}

// redirectFlash redirects with 303 See Other and a one-time message (a catalog key
// starting with "flash.") shown on the next page.
func (s *server) redirectFlash(w http.ResponseWriter, r *http.Request, to, key string) {
	if key != "" {
		s.setCookie(w, flashCookie, key, 60)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// takeFlash reads and clears the one-time message. Only known flash keys are accepted,
// so that the cookie cannot put arbitrary text on the page.
func (s *server) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	s.setCookie(w, flashCookie, "", -1)
	if strings.HasPrefix(c.Value, "flash.") && i18n.Has(pokot.Finnish, c.Value) {
		return c.Value
	}
	return ""
}
