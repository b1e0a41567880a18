package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
)

type credentialStatusData struct {
	*offeringCtx
	Base       string
	Credential *pokot.IssuedCredential
	Form       *form
	Confirm    bool   // the second step: the reason is given, the change awaits a click
	Error      string // catalog key of a refused change (nothing changed)
	State      string // learnerIssued, learnerSuspended or learnerRevoked
	CanSuspend bool   // the credential's status entry can carry a suspension
}

// statusActions are the changes an organisation can make to an issued credential, with
// the message shown when one is done.
var statusActions = map[string]string{"revoke": "flash.issue.revoked", "suspend": "flash.issue.suspended", "reinstate": "flash.status.reinstated"}

// credentialState is the state of an issued credential as the issuing pages show it.
func credentialState(c *pokot.IssuedCredential) string {
	switch {
	case c.RevokedAt != nil:
		return learnerRevoked
	case c.SuspendedAt != nil:
		return learnerSuspended
	}
	return learnerIssued
}

// Allowed reports whether an action is offered in a state: revoke unless revoked,
// suspend an issued one (when its entry can carry it), lift a suspended one.
func (d *credentialStatusData) Allowed(action string) bool {
	switch action {
	case "revoke":
		return d.State != learnerRevoked
	case "suspend":
		return d.State == learnerIssued && d.CanSuspend
	case "reinstate":
		return d.State == learnerSuspended
	}
	return false
}

// choiceKey is the catalog key of the message asking for a choice when none was made: it
// names exactly the actions the credential's state offers.
func (d *credentialStatusData) choiceKey() string {
	switch {
	case d.Allowed("reinstate"):
		return "status.err.choose_suspended"
	case d.Allowed("suspend"):
		return "status.err.choose_issued"
	}
	return "status.err.choose_revoke_only"
}

// refusal returns the catalog key of why action is not possible in the credential's
// state (the same keys as the issuing service's conflicts), or "" when it is.
func (d *credentialStatusData) refusal(action string) string {
	switch {
	case d.Allowed(action):
		return ""
	case d.State == learnerRevoked && action == "revoke":
		return "err.status_already_revoked"
	case d.State == learnerRevoked:
		return "err.status_revoked_final"
	case action == "suspend" && d.State == learnerSuspended:
		return "err.status_already_suspended"
	case action == "suspend":
		return "err.issue.suspension_unavailable"
	}
	return "err.status_not_suspended"
}

// statusData fills the state of the credential and what can be done to it.
func (s *server) statusData(r *http.Request, oc *offeringCtx, c *pokot.IssuedCredential, f *form) (*credentialStatusData, error) {
	d := &credentialStatusData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), Credential: shownCredential(c, st(r).lang), Form: f, State: credentialState(c)}
	svc, err := s.issuing()
	if err != nil {
		return nil, err
	}
	if d.CanSuspend, err = svc.CanSuspend(r.Context(), oc.Org, c.CredentialID); err != nil {
		return nil, err
	}
	return d, nil
}

// loadIssued reads credential {cred} (its uuid) of the offering.
func (s *server) loadIssued(r *http.Request) (*offeringCtx, *pokot.IssuedCredential, error) {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return nil, nil, err
	}
	c, err := ds.IssuedCredential(r.Context(), oc.Org.ID, "urn:uuid:"+r.PathValue("cred"))
	if err != nil {
		return nil, nil, err
	}
	if c.OfferingID != oc.Offering.ID {
		return nil, nil, notFoundErr()
	}
	return oc, c, nil
}

// credentialStatusForm asks which change and why.
func (s *server) credentialStatusForm(w http.ResponseWriter, r *http.Request) error {
	oc, c, err := s.loadIssued(r)
	if err != nil {
		return err
	}
	if !oc.CanAssess {
		return forbidden()
	}
	f := newForm("status", nil)
	d, err := s.statusData(r, oc, c, f)
	if err != nil {
		return err
	}
	// Preselected: the action asked for in ?action= when the state allows it, else lifting
	// a suspension when suspended (the usual next step). Never revoking, which cannot be
	// undone: with nothing chosen the form asks for a choice (choiceKey).
	for _, a := range []string{r.URL.Query().Get("action"), "reinstate"} {
		if a != "revoke" && statusActions[a] != "" && d.Allowed(a) {
			f.Set("action", a)
			break
		}
	}
	return s.render(w, r, http.StatusOK, "issuingstatus", d, nil)
}

// changeCredentialStatus checks the action and the reason and asks for confirmation; with
// "confirm" it revokes, suspends or reinstates the credential, and the status list changes
// at once. An action the credential's state does not allow is refused at the field; a
// change that lost a race (e.g. revoked meanwhile) is refused with the service's key.
func (s *server) changeCredentialStatus(w http.ResponseWriter, r *http.Request) error {
	oc, c, err := s.loadIssued(r)
	if err != nil {
		return err
	}
	if !oc.CanAssess {
		return forbidden()
	}
	f := newForm("status", r)
	d, err := s.statusData(r, oc, c, f)
	if err != nil {
		return err
	}
	action := f.Get("action")
	if statusActions[action] == "" {
		f.Add("action", d.choiceKey())
	} else if key := d.refusal(action); key != "" {
		// The state does not allow it (the page was old, or the form was made by hand):
		// the service's own precise reason, and nothing changes.
		d.Error = key
		return s.render(w, r, http.StatusConflict, "issuingstatus", d, nil)
	}
	reason := strings.TrimSpace(f.Values.Get("reason"))
	if reason == "" || utf8.RuneCountInString(reason) > 1000 {
		f.Add("reason", "err.issue.reason_required")
	}
	if !f.OK() {
		return s.render(w, r, http.StatusUnprocessableEntity, "issuingstatus", d, f)
	}
	if f.Get("confirm") == "" {
		d.Confirm = true
		return s.render(w, r, http.StatusOK, "issuingstatus", d, nil)
	}
	svc, err := s.issuing()
	if err != nil {
		return err
	}
	switch action {
	case "revoke":
		err = svc.Revoke(r.Context(), oc.Org, c.CredentialID, reason)
	case "suspend":
		err = svc.Suspend(r.Context(), oc.Org, c.CredentialID, reason)
	default:
		err = svc.Reinstate(r.Context(), oc.Org, c.CredentialID, reason)
	}
	var e *pokot.Error
	switch {
	case err == nil:
		s.redirectFlash(w, r, d.Base+"/issuing", statusActions[action])
		return nil
	case errors.As(err, &e) && (e.Code == pokot.ECONFLICT || e.Code == pokot.EINVALID):
		d.Error = keyOr(e.Key, "error.conflict.text")
		return s.render(w, r, statusOf(e.Code), "issuingstatus", d, nil)
	}
	return err
}

// issuing returns the service that changes issued credentials' status, on this store and
// the organisations' keys.
func (s *server) issuing() (*issuing.Service, error) {
	st, ok := s.store.(issuing.Store)
	if !ok || s.issuer == nil {
		return nil, errors.New("web: issuing needs the issuer (Deps.Issuer) and a store that implements issuing.Store")
	}
	return issuing.New(st, s.issuer, issuing.Options{BaseURL: s.cfg.BaseURL, Now: s.now, Logger: s.log}), nil
}
