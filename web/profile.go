package web

import (
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
)

type profileData struct {
	Details  *form
	Password *form
	Token    *form
	Tokens   []*pokot.APIToken
	Secret   string // a new token's secret, shown once
	Scopes   []pokot.Scope
}

// profile shows the user's details, password change and personal access tokens.
func (s *server) profile(w http.ResponseWriter, r *http.Request) error {
	return s.renderProfile(w, r, http.StatusOK, &profileData{}, nil)
}

func (s *server) renderProfile(w http.ResponseWriter, r *http.Request, status int, d *profileData, summary *form) error {
	u := st(r).user
	if d.Details == nil {
		d.Details = newForm("profile", nil)
		d.Details.Set("name", u.Name)
		d.Details.Set("lang", string(u.Lang))
	}
	if d.Password == nil {
		d.Password = newForm("pw", nil)
	}
	if d.Token == nil {
		d.Token = newForm("token", nil)
		d.Token.Values["scopes"] = []string{string(pokot.ScopeRead)}
	}
	toks, err := s.store.APITokens(r.Context(), u.ID)
	if err != nil {
		return err
	}
	for _, t := range toks {
		if t.Revoked == nil {
			d.Tokens = append(d.Tokens, t)
		}
	}
	d.Scopes = []pokot.Scope{pokot.ScopeRead, pokot.ScopeWrite}
	return s.render(w, r, status, "profile", d, summary)
}

// saveProfile stores the name and the preferred language.
func (s *server) saveProfile(w http.ResponseWriter, r *http.Request) error {
	f := newForm("profile", r)
	u := *st(r).user
	u.Name = f.Get("name")
	if u.Name == "" {
		f.Add("name", "err.name_required")
	} else if utf8.RuneCountInString(u.Name) > 200 {
		f.Add("name", "err.too_long")
	}
	l, ok := pokot.ParseLang(f.Get("lang"))
	if !ok {
		f.Add("lang", "err.lang")
	}
	if !f.OK() {
		return s.renderProfile(w, r, http.StatusUnprocessableEntity, &profileData{Details: f}, f)
	}
	u.Lang = l
	if err := s.store.UpdateUser(r.Context(), &u); err != nil {
		return err
	}
	s.setCookie(w, langCookie, string(l), 365*24*3600)
	s.redirectFlash(w, r, "/profile", "flash.saved")
	return nil
}

// changePassword checks the current password, stores the new one and ends every other
// session (this browser gets a fresh one).
func (s *server) changePassword(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u := st(r).user
	f := newForm("pw", r)
	if ok, _ := password.Verify(f.Raw("current"), u.PasswordHash); !ok && u.PasswordHash != "" {
		f.Add("current", "err.current_password")
	}
	pw := f.Raw("password")
	if err := password.Check(pw, u.Email); err != nil {
		f.AddErr(err)
	} else if pw != f.Raw("password2") {
		f.Add("password2", "err.password_mismatch")
	}
	if !f.OK() {
		return s.renderProfile(w, r, http.StatusUnprocessableEntity, &profileData{Password: f}, f)
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
	st(r).token = "" // already deleted
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/profile", "flash.password_changed")
	return nil
}

// createToken makes a personal access token for the API and shows its secret once.
func (s *server) createToken(w http.ResponseWriter, r *http.Request) error {
	u := st(r).user
	f := newForm("token", r)
	t := &pokot.APIToken{UserID: u.ID, Name: f.Get("name")}
	if t.Name == "" {
		f.Add("name", "err.token_name_required")
	} else if utf8.RuneCountInString(t.Name) > 100 {
		f.Add("name", "err.too_long")
	}
	for _, v := range f.Values["scopes"] {
		switch sc := pokot.Scope(v); sc {
		case pokot.ScopeRead, pokot.ScopeWrite:
			if !t.Has(sc) {
				t.Scopes = append(t.Scopes, sc)
			}
		default:
			f.Add("scopes", "err.scopes")
		}
	}
	if len(t.Scopes) == 0 {
		f.Add("scopes", "err.scopes")
	}
	if !f.OK() {
		return s.renderProfile(w, r, http.StatusUnprocessableEntity, &profileData{Token: f}, f)
	}
	secret, err := s.store.CreateAPIToken(r.Context(), t)
	if err != nil {
		if f.AddErr(err) {
			return s.renderProfile(w, r, http.StatusUnprocessableEntity, &profileData{Token: f}, f)
		}
		return err
	}
	// Rendered, not redirected: the secret must not travel in a URL or a cookie.
	return s.renderProfile(w, r, http.StatusOK, &profileData{Secret: secret}, nil)
}

// revokeToken revokes one of the user's own tokens.
func (s *server) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return notFoundErr()
	}
	if err := s.store.RevokeAPIToken(r.Context(), st(r).user.ID, id, s.now()); err != nil {
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			return notFoundErr()
		}
		return err
	}
	s.redirectFlash(w, r, "/profile#tokens-title", "flash.token_revoked")
	return nil
}
