package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// signinLinkTTL is how long an e-mailed sign-in link works.
const signinLinkTTL = 15 * time.Minute

type signinLinkData struct {
	Form   *form
	Sent   bool
	Action string // the confirmation form's address
	Next   string // where to go once signed in, when not the wallet
}

// linkNext returns the validated "next" of a link sign-in request (query or form): a
// local path of this site, or "" for the wallet. Absolute URLs, scheme-relative ones
// (//host) and backslash tricks are refused, so a link cannot lead anywhere else.
func linkNext(r *http.Request) string {
	n := r.FormValue("next")
	if n == "" {
		return ""
	}
	u, err := url.Parse(n)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || strings.ContainsAny(n, "\\\r\n") {
		return ""
	}
	p := localPath(n, "")
	if p == "/wallet" {
		return ""
	}
	return p
}

// withNext appends a validated next to a path as its query.
func withNext(path, next string) string {
	if next == "" {
		return path
	}
	return path + "?next=" + url.QueryEscape(next)
}

// afterSignin is where a link sign-in leads: next, or the wallet.
func afterSignin(next string) string {
	if next == "" {
		return "/wallet"
	}
	return next
}

// linkForm is GET /signin/link: ask for the address to send a sign-in link to.
func (p *walletPages) linkForm(w http.ResponseWriter, r *http.Request) error {
	next := linkNext(r)
	if st(r).user != nil {
		http.Redirect(w, r, afterSignin(next), http.StatusSeeOther)
		return nil
	}
	return p.s.render(w, r, http.StatusOK, "walletlink", signinLinkData{Form: newForm("signinlink", nil), Next: next}, nil)
}

// sendLink is POST /signin/link. It e-mails a one-time link when the address has an
// account, or has been issued a credential here (then a password-less account is made
// for it, so that a learner needs nothing but their e-mail). The page says the same
// whether or not anything was sent, so that it does not tell who studies where; requests
// are throttled per address and per IP address.
func (p *walletPages) sendLink(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	s := p.s
	f := newForm("signinlink", r)
	next := linkNext(r)
	email, err := pokot.NormalizeEmail(f.Get("email"))
	if err != nil {
		f.AddErr(err)
		return s.render(w, r, http.StatusUnprocessableEntity, "walletlink", signinLinkData{Form: f, Next: next}, f)
	}
	now := s.now()
	okIP, err := s.store.Hit(ctx, "signinlink:ip:"+clientIP(r), s.limits.signinPerIP, s.limits.signinWindow, now)
	if err != nil {
		return err
	}
	okAcc, err := s.store.Hit(ctx, "signinlink:acct:"+email, 3, s.limits.signinWindow, now)
	if err != nil {
		return err
	}
	if !okIP {
		f.Add("", "wallet.err.link_throttled")
		return s.render(w, r, http.StatusTooManyRequests, "walletlink", signinLinkData{Form: f, Next: next}, f)
	}
	if okAcc {
		u, err := p.learner(r, email)
		if err != nil {
			return err
		}
		if u != nil {
			token, err := s.store.CreateLoginToken(ctx, u.ID, "signin", now.Add(signinLinkTTL))
			if err != nil {
				return err
			}
			l := st(r).lang
			if err := s.mailer.Send(ctx, &pokot.Mail{
				To:      u.Email,
				Subject: i18n.T(l, "wallet.mail.signin.subject"),
				Text: i18n.T(l, "wallet.mail.signin.body", "link", s.cfg.BaseURL+withNext("/signin/link/"+token, next),
					"expires", i18n.DateTime(l, now.Add(signinLinkTTL))),
			}); err != nil {
				return err
			}
		}
	}
	return s.render(w, r, http.StatusOK, "walletlink", signinLinkData{Form: f, Sent: true, Next: next}, nil)
}

// learner returns the account of an address, making a password-less one when the
// address has credentials issued here; nil when there is neither.
func (p *walletPages) learner(r *http.Request, email string) (*pokot.User, error) {
	ctx := r.Context()
	u, err := p.s.store.UserByEmail(ctx, email)
	if err == nil || pokot.ErrorCode(err) != pokot.ENOTFOUND {
		return u, err
	}
	ws, err := p.store()
	if err != nil {
		return nil, err
	}
	cs, err := ws.CredentialsOfEmail(ctx, email)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	u = &pokot.User{Email: email, Name: cs[0].Name, Lang: st(r).lang}
	if err := p.s.store.CreateUser(ctx, u); err != nil {
		if pokot.ErrorCode(err) == pokot.ECONFLICT { // made meanwhile by another request
			return p.s.store.UserByEmail(ctx, email)
		}
		return nil, err
	}
	return u, nil
}

// linkConfirmForm is GET /signin/link/{token}: a button that signs in. The token is used
// only by the POST, so that mail scanners that open links do not use it up. A validated
// next travels on in the form's address; anything else is dropped.
func (p *walletPages) linkConfirmForm(w http.ResponseWriter, r *http.Request) error {
	next := linkNext(r)
	return p.s.render(w, r, http.StatusOK, "walletlink", signinLinkData{Form: newForm("signinlink", nil), Action: withNext(r.URL.Path, next), Next: next}, nil)
}

// linkSignin is POST /signin/link/{token}: use the token and start a session, then go
// to the validated next (the page that sent the learner to sign in) or the wallet.
func (p *walletPages) linkSignin(w http.ResponseWriter, r *http.Request) error {
	u, err := p.s.store.UseLoginToken(r.Context(), r.PathValue("token"), "signin", p.s.now())
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return &pokot.Error{Code: pokot.ENOTFOUND, Key: "wallet.err.link_invalid", Message: "sign-in link unknown, used or expired"}
	} else if err != nil {
		return err
	}
	if err := p.s.startSession(w, r, u); err != nil {
		return err
	}
	p.s.redirectFlash(w, r, afterSignin(linkNext(r)), "flash.signed_in")
	return nil
}
