package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
	"github.com/pokot/pokot/mail"
)

// learnerRegStore is what a learner's own registrations need beyond pokot.Store: the list
// of the user's registrations in every organisation, and new links for an address that is
// already registered. sqldb implements it.
type learnerRegStore interface {
	LearnerRegistrations(ctx context.Context, userID int64) ([]*pokot.Registration, error)
	ReissueRegistrationLinks(ctx context.Context, offeringID int64, email string, outbox bool,
		compose func(*pokot.Registration, *pokot.RegistrationTokens) (*pokot.Mail, error)) (*pokot.Registration, error)
}

func (s *server) learnerRegs() (learnerRegStore, error) {
	ls, ok := s.store.(learnerRegStore)
	if !ok {
		return nil, errors.New("web: the store does not list a learner's registrations")
	}
	return ls, nil
}

// States of a registration as the learner's list shows them.
const (
	myRegPending    = "pending"    // holds a seat, not confirmed by the e-mailed link
	myRegRegistered = "registered" // holds a seat, confirmed
	myRegWaitlisted = "waitlisted"
	myRegCancelled  = "cancelled"
	myRegCompleted  = "completed" // the credential has been issued
)

// myRegistration is one registration of the signed-in learner with what the list shows.
type myRegistration struct {
	Reg      *pokot.Registration
	Offering *pokot.Offering
	Title    pokot.Text // the POK version's title
	URL      string     // the offering's public page
	State    string     // myRegPending … myRegCompleted
	CredUUID string     // myRegCompleted: the credential in the wallet
}

// Active reports whether the learner can still cancel the registration.
func (m *myRegistration) Active() bool {
	return m.State != myRegCancelled && m.State != myRegCompleted
}

// myRegistrations lists the signed-in user's registrations, newest first, with the issued
// credentials of the wallet (items) marking the completed ones.
func (s *server) myRegistrations(ctx context.Context, u *pokot.User, items []*walletItem) ([]*myRegistration, error) {
	ls, err := s.learnerRegs()
	if err != nil {
		return nil, err
	}
	ds, err := s.delivery()
	if err != nil {
		return nil, err
	}
	regs, err := ls.LearnerRegistrations(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	issued := map[int64]string{}
	for _, it := range items {
		if it.Kind == kindIssued && it.C != nil {
			issued[it.C.RegistrationID] = it.UUID
		}
	}
	out := make([]*myRegistration, 0, len(regs))
	for _, reg := range regs {
		off, err := ds.Offering(ctx, reg.OrgID, reg.OfferingID)
		if err != nil {
			return nil, err
		}
		v, err := s.store.MicrocredentialVersion(ctx, reg.OrgID, off.MicrocredentialID, off.Version)
		if err != nil {
			return nil, err
		}
		m := &myRegistration{Reg: reg, Offering: off, Title: v.Content.Title,
			URL: "/microcredentials/" + strconv.FormatInt(off.MicrocredentialID, 10) + "/offerings/" + strconv.FormatInt(off.ID, 10)}
		switch uuid, ok := issued[reg.ID]; {
		case ok:
			m.State, m.CredUUID = myRegCompleted, uuid
		case reg.Status == pokot.RegCancelled:
			m.State = myRegCancelled
		case reg.Status == pokot.RegWaitlisted:
			m.State = myRegWaitlisted
		case reg.ConfirmedAt == nil:
			m.State = myRegPending
		default:
			m.State = myRegRegistered
		}
		out = append(out, m)
	}
	return out, nil
}

// cancelMine is POST /wallet/registrations/{id}/cancel: the signed-in learner cancels one
// of their own registrations, as the e-mailed cancellation link does (the same store
// cancellation, the freed seat to the first in the waitlist, who is e-mailed, and the same
// result page). Another learner's registration, or one that does not exist, is the same 404;
// one already cancelled or completed (its credential issued) is refused by the store, as
// its e-mailed link is, with the precise message (409).
func (s *server) cancelMine(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return notFoundErr()
	}
	ls, err := s.learnerRegs()
	if err != nil {
		return err
	}
	ds, err := s.delivery()
	if err != nil {
		return err
	}
	regs, err := ls.LearnerRegistrations(r.Context(), st(r).user.ID)
	if err != nil {
		return err
	}
	var mine *pokot.Registration
	for _, reg := range regs {
		if reg.ID == id {
			mine = reg
		}
	}
	if mine == nil {
		return notFoundErr()
	}
	reg, promoted, err := ds.CancelRegistration(r.Context(), mine.OrgID, mine.ID, s.now())
	if err != nil {
		return s.registrationLinkErr(w, r, "cancel", err)
	}
	if err := s.mailPromoted(r, promoted); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "registrationlink", registrationLinkData{Action: "cancel", Done: true,
		Reg: reg, Title: s.offeringTitle(r, reg, st(r).lang), Back: "/wallet#myregs"}, nil)
}

// regMailKey is the throttle key counting the public form's "already registered" messages
// to an address about one offering.
func regMailKey(offeringID int64, email string) string {
	return "reg:mail:" + strconv.FormatInt(offeringID, 10) + ":" + strings.ToLower(email)
}

// regMailQuiet is how long after a registration no "already registered" message goes to
// its address (the registration message's links still work), and the throttle window of
// those messages.
const regMailQuiet = time.Hour

// registrationSentData is the page the public form answers with.
type registrationSentData struct {
	*publicOffering
	Email string
}

// renderRegistrationSent is the public form's answer whether the address was new, already
// registered or put in the waitlist: nothing on it depends on the address's state.
func (s *server) renderRegistrationSent(w http.ResponseWriter, r *http.Request, p *publicOffering, email string) error {
	return s.render(w, r, http.StatusOK, "registrationsent", registrationSentData{publicOffering: p, Email: email}, nil)
}

// mailAlreadyRegistered tells an address that typed into the public form again that it is
// already registered (or waiting), with new links: only the links' hashes are stored, so
// the registration gets new ones and the earlier ones stop working. The message is queued
// in the transaction that stores the new links, so that the old links never die without
// new ones on their way. It is in the registration's own language, not the language of
// whoever typed the form.
//
// No such message goes out in the hour after the registration was made (its registration
// message's links still work), and at most one per address and offering in each clock
// hour (the throttle's fixed window): the form must not become a way to fill someone's
// mailbox or to keep replacing their links. The page does not say whether a message was
// sent.
func (s *server) mailAlreadyRegistered(r *http.Request, p *publicOffering, typed *pokot.Registration) error {
	ls, err := s.learnerRegs()
	if err != nil {
		return err
	}
	now := s.now()
	if ok, err := s.store.Hit(r.Context(), regMailKey(p.Offering.ID, typed.Email), 1, regMailQuiet, now); err != nil || !ok {
		return err
	}
	outbox := false
	if q, ok := s.mailer.(interface{ Outbox() bool }); ok {
		outbox = q.Outbox()
	}
	_, err = ls.ReissueRegistrationLinks(r.Context(), p.Offering.ID, typed.Email, outbox, func(reg *pokot.Registration, t *pokot.RegistrationTokens) (*pokot.Mail, error) {
		if now.Sub(reg.Created) < regMailQuiet {
			return nil, nil
		}
		m := s.alreadyRegisteredMail(p, reg, t)
		return m, mail.Validate(m)
	})
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil // cancelled in between: nothing to tell
	}
	return err
}

// alreadyRegisteredMail is the message of mailAlreadyRegistered, in the registration's
// language.
func (s *server) alreadyRegisteredMail(p *publicOffering, reg *pokot.Registration, t *pokot.RegistrationTokens) *pokot.Mail {
	l, ok := pokot.ParseLang(string(reg.Lang))
	if !ok {
		l = pokot.Finnish
	}
	title := p.Version.Content.Title.Get(l)
	body := "mail.myregs.dup_registered"
	if reg.Status == pokot.RegWaitlisted {
		body = "mail.myregs.dup_waitlisted"
	}
	args := []any{"name", reg.Name, "title", title, "org", p.Org.Name.Get(l),
		"dates", i18n.Date(l, p.Offering.Starts) + "–" + i18n.Date(l, p.Offering.Ends),
		"position", strconv.Itoa(reg.Position),
		"confirm", s.cfg.BaseURL + "/registrations/confirm/" + t.Confirm,
		"cancel", s.cfg.BaseURL + "/registrations/cancel/" + t.Cancel}
	text := i18n.T(l, body, args...)
	if reg.ConfirmedAt == nil {
		text += "\n" + i18n.T(l, "mail.myregs.dup_confirm", args...)
	}
	text += "\n" + i18n.T(l, "mail.myregs.dup_footer", args...)
	return &pokot.Mail{
		To:      reg.Email,
		Subject: i18n.T(l, "mail.myregs.dup_subject", "title", title),
		Text:    text,
	}
}
