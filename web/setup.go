package web

import (
	"net/http"
	"unicode/utf8"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
)

type setupData struct{ Form *form }

// setupOpen reports whether no platform administrator exists yet.
func (s *server) setupOpen(r *http.Request) (bool, error) {
	n, err := s.store.CountAdmins(r.Context())
	return n == 0, err
}

// setupForm is the first-run page; once an administrator exists it does not exist.
func (s *server) setupForm(w http.ResponseWriter, r *http.Request) error {
	if open, err := s.setupOpen(r); err != nil || !open {
		if err != nil {
			return err
		}
		return notFoundErr()
	}
	return s.render(w, r, http.StatusOK, "setup", setupData{Form: newForm("setup", nil)}, nil)
}

// setup creates the first platform administrator and signs them in.
func (s *server) setup(w http.ResponseWriter, r *http.Request) error {
	if open, err := s.setupOpen(r); err != nil || !open {
		if err != nil {
			return err
		}
		return notFoundErr()
	}
	f := newForm("setup", r)
	u, ok := s.newAccount(r, f, f.Get("email"))
	if !ok {
		return s.render(w, r, http.StatusUnprocessableEntity, "setup", setupData{Form: f}, f)
	}
	u.Admin = true
	if err := s.store.CreateUser(r.Context(), u); err != nil {
		if f.AddErr(err) || conflictOn(f, err, "email", "err.email_taken") {
			return s.render(w, r, http.StatusUnprocessableEntity, "setup", setupData{Form: f}, f)
		}
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/dashboard", "flash.setup_done")
	return nil
}

// newAccount validates the name and password fields of an account form (the e-mail comes
// from the form or an invitation) and returns the unsaved user with its password hash.
func (s *server) newAccount(r *http.Request, f *form, rawEmail string) (*pokot.User, bool) {
	name := f.Get("name")
	if name == "" {
		f.Add("name", "err.name_required")
	} else if utf8.RuneCountInString(name) > 200 {
		f.Add("name", "err.too_long")
	}
	email, err := pokot.NormalizeEmail(rawEmail)
	if err != nil {
		f.AddErr(err)
	}
	pw := f.Raw("password")
	if err := password.Check(pw, email); err != nil {
		f.AddErr(err)
	} else if pw != f.Raw("password2") {
		f.Add("password2", "err.password_mismatch")
	}
	if !f.OK() {
		return nil, false
	}
	hash, err := password.Hash(pw)
	if err != nil {
		f.Add("", "error.internal.text")
		return nil, false
	}
	return &pokot.User{Email: email, Name: name, PasswordHash: hash, Lang: st(r).lang}, true
}

// conflictOn records an ECONFLICT as a field error and reports whether err was one.
func conflictOn(f *form, err error, field, key string) bool {
	if pokot.ErrorCode(err) != pokot.ECONFLICT {
		return false
	}
	f.Add(field, key)
	return true
}
