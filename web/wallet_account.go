package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// emailChangeTTL is how long the confirmation link sent to a new address works.
const emailChangeTTL = time.Hour

type walletAccountData struct {
	Form    *form
	Sent    string // the new address a confirmation link was sent to
	Delete  bool   // the deletion confirmation step
	Count   int    // credentials in the wallet
	Confirm string // the e-mail confirmation form's address
}

// account is GET /wallet/account: the learner's address, changing it, deleting the account.
func (p *walletPages) account(w http.ResponseWriter, r *http.Request) error {
	return p.s.render(w, r, http.StatusOK, "walletaccount", walletAccountData{Form: newForm("account", nil)}, nil)
}

// changeEmail is POST /wallet/account/email: send a confirmation link to the new address.
// Nothing changes until it is used.
func (p *walletPages) changeEmail(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f := newForm("account", r)
	ws, err := p.store()
	if err != nil {
		return err
	}
	u := st(r).user
	now := p.s.now()
	ok, err := p.s.store.Hit(ctx, "emailchange:"+u.Email, 5, time.Hour, now)
	if err != nil {
		return err
	}
	if !ok {
		f.Add("", "wallet.err.link_throttled")
		return p.s.render(w, r, http.StatusTooManyRequests, "walletaccount", walletAccountData{Form: f}, f)
	}
	token, err := ws.RequestEmailChange(ctx, u.ID, f.Get("email"), now.Add(emailChangeTTL))
	if err != nil {
		if pokot.ErrorCode(err) == pokot.ECONFLICT {
			f.Add("email", errKey(err))
		}
		if f.AddErr(err) || !f.OK() {
			return p.s.render(w, r, http.StatusUnprocessableEntity, "walletaccount", walletAccountData{Form: f}, f)
		}
		return err
	}
	email, _ := pokot.NormalizeEmail(f.Get("email"))
	l := st(r).lang
	if err := p.s.mailer.Send(ctx, &pokot.Mail{
		To:      email,
		Subject: i18n.T(l, "wallet.mail.email.subject"),
		Text: i18n.T(l, "wallet.mail.email.body", "link", p.s.cfg.BaseURL+"/wallet/account/email/"+token,
			"expires", i18n.DateTime(l, now.Add(emailChangeTTL))),
	}); err != nil {
		return err
	}
	return p.s.render(w, r, http.StatusOK, "walletaccount", walletAccountData{Form: newForm("account", nil), Sent: email}, nil)
}

// emailConfirmForm is GET /wallet/account/email/{token}: a button that makes the change
// (mail scanners open links; only the POST uses the token).
func (p *walletPages) emailConfirmForm(w http.ResponseWriter, r *http.Request) error {
	return p.s.render(w, r, http.StatusOK, "walletaccount", walletAccountData{Form: newForm("account", nil), Confirm: r.URL.Path}, nil)
}

// confirmEmail is POST /wallet/account/email/{token}: the token is the permission.
func (p *walletPages) confirmEmail(w http.ResponseWriter, r *http.Request) error {
	ws, err := p.store()
	if err != nil {
		return err
	}
	_, err = ws.ConfirmEmailChange(r.Context(), r.PathValue("token"), p.s.now())
	switch pokot.ErrorCode(err) {
	case "":
	case pokot.ENOTFOUND:
		return &pokot.Error{Code: pokot.ENOTFOUND, Key: "wallet.err.email_link_invalid", Message: "e-mail change link unknown, used or expired"}
	default:
		return err
	}
	to := "/signin"
	if st(r).user != nil {
		to = "/wallet/account"
	}
	p.s.redirectFlash(w, r, to, "flash.wallet.email_changed")
	return nil
}

// deleteForm is GET /wallet/account/delete: the confirmation step.
func (p *walletPages) deleteForm(w http.ResponseWriter, r *http.Request) error {
	items, err := p.items(r.Context(), st(r).user, st(r).lang)
	if err != nil {
		return err
	}
	n := 0
	for _, it := range items {
		if it.Kind != kindStored {
			n++
		}
	}
	return p.s.render(w, r, http.StatusOK, "walletaccount", walletAccountData{Form: newForm("delete", nil), Delete: true, Count: n}, nil)
}

// deleteAccount is POST /wallet/account/delete: with the box ticked, the account and its
// personal data go, and this browser is signed out.
func (p *walletPages) deleteAccount(w http.ResponseWriter, r *http.Request) error {
	f := newForm("delete", r)
	if f.Get("confirm") != "yes" {
		f.Add("confirm", "wallet.err.delete_confirm")
		return p.s.render(w, r, http.StatusUnprocessableEntity, "walletaccount", walletAccountData{Form: f, Delete: true}, f)
	}
	ws, err := p.store()
	if err != nil {
		return err
	}
	var promoted []*pokot.Registration
	if e, ok := ws.(pokot.AccountEraser); ok {
		promoted, err = e.DeleteUserPromoting(r.Context(), st(r).user.ID)
	} else {
		err = ws.DeleteUser(r.Context(), st(r).user.ID)
	}
	if err != nil {
		if pokot.ErrorCode(err) == pokot.ECONFLICT {
			f.Add("", errKey(err))
			return p.s.render(w, r, http.StatusConflict, "walletaccount", walletAccountData{Form: f, Delete: true}, f)
		}
		return err
	}
	// The account is gone whatever happens to these e-mails: a failure is logged, not shown.
	for _, reg := range promoted {
		if err := p.s.mailPromoted(r, reg); err != nil {
			p.s.log.Error("wallet: tell a learner who moved up from the waitlist", "registration", reg.ID, "err", err)
		}
	}
	p.s.setCookie(w, sessionCookie, "", -1)
	p.s.redirectFlash(w, r, "/", "flash.wallet.account_deleted")
	return nil
}

// errKey is the catalog key an error carries, or the generic one of its code.
func errKey(err error) string {
	var e *pokot.Error
	if errors.As(err, &e) && e.Key != "" {
		return e.Key
	}
	return "error." + pokot.ErrorCode(err) + ".text"
}
