package web

import (
	"net/http"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
)

type signinData struct {
	Form *form
	Next string
	OIDC []OIDCLogin
}

func (s *server) signinForm(w http.ResponseWriter, r *http.Request) error {
	if st(r).user != nil {
		http.Redirect(w, r, nextParam(r), http.StatusSeeOther)
		return nil
	}
	return s.renderSignin(w, r, http.StatusOK, newForm("signin", nil), nil)
}

func (s *server) renderSignin(w http.ResponseWriter, r *http.Request, status int, f *form, summary *form) error {
	return s.render(w, r, status, "signin", signinData{Form: f, Next: nextParam(r), OIDC: s.oidc}, summary)
}

// signin checks e-mail and password. Unknown addresses and wrong passwords get the same
// message (and the same work: a dummy hash is verified), and both count towards the
// throttles per account and per IP address, kept in the database for all processes.
func (s *server) signin(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := newForm("signin", r)
	email := strings.ToLower(f.Get("email"))
	pw := f.Raw("password")
	if email == "" {
		f.Add("email", "err.email_required")
	}
	if pw == "" {
		f.Add("password", "err.password_required")
	}
	if !f.OK() {
		return s.renderSignin(w, r, http.StatusUnprocessableEntity, f, f)
	}
	now := s.now()
	okIP, err := s.store.Hit(ctx, "signin:ip:"+clientIP(r), s.limits.signinPerIP, s.limits.signinWindow, now)
	if err != nil {
		return err
	}
	okAcc, err := s.store.Hit(ctx, "signin:acct:"+email, s.limits.signinPerAcc, s.limits.signinWindow, now)
	if err != nil {
		return err
	}
	if !okIP || !okAcc {
		f.Add("", "err.signin_throttled")
		return s.renderSignin(w, r, http.StatusTooManyRequests, f, f)
	}
	u, err := s.store.UserByEmail(ctx, email)
	hash := s.dummyPW
	if err == nil && u.PasswordHash != "" {
		hash = u.PasswordHash
	} else if err != nil && pokot.ErrorCode(err) != pokot.ENOTFOUND {
		return err
	}
	match, verr := password.Verify(pw, hash)
	if verr != nil && u != nil {
		s.log.Error("stored password hash is malformed", "user", u.ID)
	}
	if u == nil || !match || hash == s.dummyPW {
		f.Add("", "err.signin_failed")
		return s.renderSignin(w, r, http.StatusUnauthorized, f, f)
	}
	if err := s.store.ResetHits(ctx, "signin:acct:"+email); err != nil {
		return err
	}
	if password.NeedsRehash(u.PasswordHash) {
		if h, err := password.Hash(pw); err == nil {
			if err := s.store.SetPassword(ctx, u.ID, h); err != nil {
				s.log.Warn("rehash password", "err", err)
			}
		}
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	s.redirectFlash(w, r, nextParam(r), "flash.signed_in")
	return nil
}

// signout ends this browser's session.
func (s *server) signout(w http.ResponseWriter, r *http.Request) error {
	rs := st(r)
	if rs.token != "" {
		if err := s.store.DeleteSession(r.Context(), rs.token); err != nil {
			return err
		}
	}
	s.setCookie(w, sessionCookie, "", -1)
	s.redirectFlash(w, r, "/", "flash.signed_out")
	return nil
}

// signoutEverywhere ends every session of the user, on every device.
func (s *server) signoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.DeleteUserSessions(r.Context(), st(r).user.ID); err != nil {
		return err
	}
	s.setCookie(w, sessionCookie, "", -1)
	s.redirectFlash(w, r, "/signin", "flash.signed_out_everywhere")
	return nil
}

// clientIP is the throttling key of the request's peer (pokot.ClientAddr).
func clientIP(r *http.Request) string { return pokot.ClientAddr(r.RemoteAddr) }

// dummyHash is verified when the e-mail is unknown, so that the response takes as long.
func dummyHash() (string, error) { return password.Hash(randomToken()) }
