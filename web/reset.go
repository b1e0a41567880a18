package web

import (
	"net/http"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
	"github.com/pokot/pokot/password"
)

// resetTTL is how long a password-reset link works.
const resetTTL = time.Hour

type forgotData struct {
	Form *form
	Sent bool
}

func (s *server) forgotForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "forgot", forgotData{Form: newForm("forgot", nil)}, nil)
}

// forgot e-mails a one-time reset link when the address has an account. The answer is the
// same either way, so that the page does not tell who has an account.
func (s *server) forgot(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := newForm("forgot", r)
	email, err := pokot.NormalizeEmail(f.Get("email"))
	if err != nil {
		f.AddErr(err)
		return s.render(w, r, http.StatusUnprocessableEntity, "forgot", forgotData{Form: f}, f)
	}
	now := s.now()
	okIP, err := s.store.Hit(ctx, "reset:ip:"+clientIP(r), s.limits.signinPerIP, time.Hour, now)
	if err != nil {
		return err
	}
	okAcc, err := s.store.Hit(ctx, "reset:acct:"+email, 3, time.Hour, now)
	if err != nil {
		return err
	}
	if !okIP {
		f.Add("", "err.reset_throttled")
		return s.render(w, r, http.StatusTooManyRequests, "forgot", forgotData{Form: f}, f)
	}
	u, err := s.store.UserByEmail(ctx, email)
	switch {
	case pokot.ErrorCode(err) == pokot.ENOTFOUND:
		// Same answer as for a known address.
	case err != nil:
		return err
	case okAcc:
		token, err := s.store.CreateLoginToken(ctx, u.ID, "reset", now.Add(resetTTL))
		if err != nil {
			return err
		}
		l := st(r).lang
		link := s.cfg.BaseURL + "/password/reset/" + token
		if err := s.mailer.Send(ctx, &pokot.Mail{
			To:      u.Email,
			Subject: i18n.T(l, "mail.reset.subject"),
			Text: i18n.T(l, "mail.reset.body", "name", u.Name, "link", link,
				"expires", i18n.DateTime(l, now.Add(resetTTL))),
		}); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "forgot", forgotData{Form: f, Sent: true}, nil)
}

type resetData struct {
	Form   *form
	Action string
}

// resetForm shows the new-password form. The token is not used up here (mail scanners
// open links), only when the form is sent.
func (s *server) resetForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "reset", resetData{Form: newForm("reset", nil), Action: r.URL.Path}, nil)
}

// reset sets the new password, ends every session of the user and asks them to sign in.
func (s *server) reset(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := newForm("reset", r)
	pw := f.Raw("password")
	if err := password.Check(pw, ""); err != nil {
		f.AddErr(err)
	} else if pw != f.Raw("password2") {
		f.Add("password2", "err.password_mismatch")
	}
	if !f.OK() {
		return s.render(w, r, http.StatusUnprocessableEntity, "reset", resetData{Form: f, Action: r.URL.Path}, f)
	}
	now := s.now()
	u, err := s.store.UseLoginToken(ctx, r.PathValue("token"), "reset", now)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.reset_link_invalid", Message: "reset link unknown, used or expired"}
	} else if err != nil {
		return err
	}
	if err := password.Check(pw, u.Email); err != nil {
		// The link was used up by this attempt; give a fresh one so the user can retry.
		token, terr := s.store.CreateLoginToken(ctx, u.ID, "reset", now.Add(resetTTL))
		if terr != nil {
			return terr
		}
		f.AddErr(err)
		return s.render(w, r, http.StatusUnprocessableEntity, "reset", resetData{Form: f, Action: "/password/reset/" + token}, f)
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	if err := s.store.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	if err := s.store.DeleteUserSessions(ctx, u.ID); err != nil {
		return err
	}
	if err := s.store.ResetHits(ctx, "signin:acct:"+u.Email); err != nil {
		return err
	}
	s.setCookie(w, sessionCookie, "", -1)
	s.redirectFlash(w, r, "/signin", "flash.password_reset")
	return nil
}
