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
}

// statusActions are the changes an organisation can make to an issued credential, with
// the message shown when one is done.
var statusActions = map[string]string{"revoke": "flash.issue.revoked", "suspend": "flash.issue.suspended"}

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
	f.Set("action", "revoke")
	if a := r.URL.Query().Get("action"); statusActions[a] != "" {
		f.Set("action", a)
	}
	return s.render(w, r, http.StatusOK, "issuingstatus", credentialStatusData{offeringCtx: oc,
		Base: offeringBase(oc.Org, oc.Offering.ID), Credential: c, Form: f}, nil)
}

// changeCredentialStatus checks the reason and asks for confirmation; with "confirm" it
// revokes or suspends the credential, and the status list changes at once.
func (s *server) changeCredentialStatus(w http.ResponseWriter, r *http.Request) error {
	oc, c, err := s.loadIssued(r)
	if err != nil {
		return err
	}
	if !oc.CanAssess {
		return forbidden()
	}
	f := newForm("status", r)
	d := credentialStatusData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), Credential: c, Form: f}
	action := f.Get("action")
	if statusActions[action] == "" {
		f.Add("action", "err.issue.action_required")
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
	if action == "revoke" {
		err = svc.Revoke(r.Context(), oc.Org, c.CredentialID, reason)
	} else {
		err = svc.Suspend(r.Context(), oc.Org, c.CredentialID, reason)
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
