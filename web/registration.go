package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// regConflicts are the refusals of a registration that leave everything as it was; each
// has its own message.
var regConflicts = map[string]bool{"err.reg.not_open": true, "err.reg.closed": true, "err.reg.duplicate": true}

type registrationDoneData struct {
	*publicOffering
	Reg *pokot.Registration
}

// register enrols a visitor (name, e-mail, consent) or, with "oneclick", the signed-in
// user, and e-mails the confirmation and cancellation links. A full offering puts the
// learner in the waitlist. On the public form the page is the same "check your e-mail"
// whether the address was new, already registered or put in the waitlist, so that it does
// not tell who studies where (as the sign-in link page); the e-mail says what happened.
// A signed-in user registering their own address is told on the page.
func (s *server) register(w http.ResponseWriter, r *http.Request) error {
	p, ds, err := s.loadPublicOffering(r)
	if err != nil {
		return err
	}
	f := newForm("reg", r)
	l := st(r).lang
	reg := &pokot.Registration{OfferingID: p.Offering.ID, OrgID: p.Offering.OrgID, Lang: l}
	// self: the signed-in user registers their own address, and may be told what the
	// store says about it. Anyone else gets the same page whatever the address's state.
	self := false
	if u := st(r).user; u != nil && f.Get("oneclick") != "" {
		reg.UserID, reg.Email, reg.Name = &u.ID, u.Email, u.Name
		self = true
	} else {
		reg.Email, reg.Name = f.Get("email"), f.Get("name")
		if err := pokot.ValidateRegistration(reg); err != nil {
			f.AddErr(err)
		} else if u != nil && reg.Email == u.Email {
			reg.UserID, self = &u.ID, true
		} else if erasedEmail(reg.Email) {
			// A deleted account's placeholder: staff pages would show a live registrant
			// as "Deleted account" with no address.
			f.Add("email", "err.email_invalid")
		}
		if f.Get("consent") == "" {
			f.Add("consent", "err.reg.consent_required")
		}
	}
	d := offeringPublicData{publicOffering: p, Form: f, Action: r.URL.Path}
	if !f.OK() {
		return s.render(w, r, http.StatusUnprocessableEntity, "offeringpublic", d, f)
	}
	if ok, err := s.registrationAllowed(r, reg.Email); err != nil {
		return err
	} else if !ok {
		d.Error = "err.reg.throttled"
		return s.render(w, r, http.StatusTooManyRequests, "offeringpublic", d, f)
	}
	tokens, err := ds.Register(r.Context(), reg, s.now())
	var e *pokot.Error
	switch {
	case !self && errors.As(err, &e) && e.Key == "err.reg.duplicate":
		// The address is registered already: its owner learns it by e-mail, the page
		// says what it says to a new address.
		if err := s.mailAlreadyRegistered(r, p, reg); err != nil {
			return err
		}
		return s.renderRegistrationSent(w, r, p, reg.Email)
	case errors.As(err, &e) && regConflicts[e.Key]:
		d.Error = e.Key
		return s.render(w, r, http.StatusConflict, "offeringpublic", d, nil)
	case err != nil && f.AddErr(err):
		return s.render(w, r, http.StatusUnprocessableEntity, "offeringpublic", d, f)
	case err != nil:
		return err
	}
	if err := s.mailRegistration(r, p, reg, tokens); err != nil {
		return err
	}
	if !self {
		return s.renderRegistrationSent(w, r, p, reg.Email)
	}
	return s.render(w, r, http.StatusOK, "registrationdone", registrationDoneData{publicOffering: p, Reg: reg}, nil)
}

// Registration throttles: an address may be registered regPerAddress times an hour (each
// registration e-mails it), and one IP address may register as many times as it may try
// to sign in (a whole class behind one school NAT address registers at once).
const regPerAddress = 10

// registrationAllowed counts a registration attempt of the address and of the client's IP
// address in the database's throttle (shared by every process) and reports whether both
// are within their limits.
func (s *server) registrationAllowed(r *http.Request, email string) (bool, error) {
	now := s.now()
	okIP, err := s.store.Hit(r.Context(), "reg:ip:"+clientIP(r), s.limits.signinPerIP, s.limits.signinWindow, now)
	if err != nil {
		return false, err
	}
	okAcc, err := s.store.Hit(r.Context(), "reg:acct:"+strings.ToLower(email), regPerAddress, time.Hour, now)
	if err != nil {
		return false, err
	}
	return okIP && okAcc, nil
}

// mailRegistration e-mails the learner what happened and the two links.
func (s *server) mailRegistration(r *http.Request, p *publicOffering, reg *pokot.Registration, t *pokot.RegistrationTokens) error {
	l := reg.Lang
	body := "mail.reg.body_registered"
	if reg.Status == pokot.RegWaitlisted {
		body = "mail.reg.body_waitlisted"
	}
	title := p.Version.Content.Title.Get(l)
	return s.mailer.Send(r.Context(), &pokot.Mail{
		To:      reg.Email,
		Subject: i18n.T(l, "mail.reg.subject", "title", title),
		Text: i18n.T(l, body, "name", reg.Name, "title", title, "org", p.Org.Name.Get(l),
			"dates", i18n.Date(l, p.Offering.Starts)+"–"+i18n.Date(l, p.Offering.Ends),
			"position", strconv.Itoa(reg.Position),
			"confirm", s.cfg.BaseURL+"/registrations/confirm/"+t.Confirm,
			"cancel", s.cfg.BaseURL+"/registrations/cancel/"+t.Cancel),
	})
}

type registrationLinkData struct {
	Action string // confirm or cancel
	Done   bool
	Reg    *pokot.Registration
	Title  string
	Error  string // catalog key
	Back   string // where the page links back to, when somewhere
}

// registrationLink shows the confirm or cancel button of an e-mailed link. Opening the
// link changes nothing (mail scanners open links); the button does.
func (s *server) registrationLink(action string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		return s.render(w, r, http.StatusOK, "registrationlink", registrationLinkData{Action: action}, nil)
	}
}

// confirmRegistration confirms by the token of the e-mailed link.
func (s *server) confirmRegistration(w http.ResponseWriter, r *http.Request) error {
	ds, err := s.delivery()
	if err != nil {
		return err
	}
	reg, err := ds.ConfirmRegistration(r.Context(), r.PathValue("token"), s.now())
	if err != nil {
		return s.registrationLinkErr(w, r, "confirm", err)
	}
	return s.render(w, r, http.StatusOK, "registrationlink", registrationLinkData{Action: "confirm", Done: true,
		Reg: reg, Title: s.offeringTitle(r, reg, st(r).lang)}, nil)
}

// cancelRegistration cancels by the token of the e-mailed link; the first learner in the
// waitlist gets the seat and an e-mail saying so.
func (s *server) cancelRegistration(w http.ResponseWriter, r *http.Request) error {
	ds, err := s.delivery()
	if err != nil {
		return err
	}
	reg, promoted, err := ds.CancelRegistrationByToken(r.Context(), r.PathValue("token"), s.now())
	if err != nil {
		return s.registrationLinkErr(w, r, "cancel", err)
	}
	if err := s.mailPromoted(r, promoted); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "registrationlink", registrationLinkData{Action: "cancel", Done: true,
		Reg: reg, Title: s.offeringTitle(r, reg, st(r).lang)}, nil)
}

// regLinkErrors are the refusals of a confirmation or cancellation that the link page
// explains.
var regLinkErrors = map[string]bool{"err.reg.token": true, "err.reg.cancelled": true, "err.reg.completed": true}

// registrationLinkErr shows an unknown or used link's precise message on the link page.
func (s *server) registrationLinkErr(w http.ResponseWriter, r *http.Request, action string, err error) error {
	var e *pokot.Error
	if !errors.As(err, &e) || !regLinkErrors[e.Key] {
		return err
	}
	return s.render(w, r, statusOf(e.Code), "registrationlink", registrationLinkData{Action: action, Error: e.Key}, nil)
}

// offeringTitle is the POK title of a registration's offering, "" when it cannot be read.
func (s *server) offeringTitle(r *http.Request, reg *pokot.Registration, l pokot.Lang) string {
	ds, err := s.delivery()
	if err != nil {
		return ""
	}
	off, err := ds.Offering(r.Context(), reg.OrgID, reg.OfferingID)
	if err != nil {
		return ""
	}
	v, err := s.store.MicrocredentialVersion(r.Context(), reg.OrgID, off.MicrocredentialID, off.Version)
	if err != nil {
		return ""
	}
	return v.Content.Title.Get(l)
}

// mailPromoted tells a learner who moved up from the waitlist that they have a seat.
func (s *server) mailPromoted(r *http.Request, p *pokot.Registration) error {
	if p == nil {
		return nil
	}
	l := p.Lang
	if _, ok := pokot.ParseLang(string(l)); !ok {
		l = pokot.Finnish
	}
	title := s.offeringTitle(r, p, l)
	return s.mailer.Send(r.Context(), &pokot.Mail{
		To:      p.Email,
		Subject: i18n.T(l, "mail.reg.promoted_subject", "title", title),
		Text:    i18n.T(l, "mail.reg.promoted_body", "name", p.Name, "title", title),
	})
}
