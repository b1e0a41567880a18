package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
	"github.com/pokot/pokot/issuing"
)

// credentialJSON is an issued credential of an offering, as its organisation sees it.
type credentialJSON struct {
	ID      string     `json:"id"` // urn:uuid:…
	Learner personJSON `json:"learner"`
	// State is valid, suspended or revoked (the organisation's record, which the status
	// list follows).
	State        string     `json:"state"`
	Issued       *time.Time `json:"issued,omitempty"`
	Grade        string     `json:"grade,omitempty"`
	AssessedOn   string     `json:"assessedOn,omitempty"`
	Revoked      *time.Time `json:"revoked,omitempty"`
	Suspended    *time.Time `json:"suspended,omitempty"`
	StatusReason string     `json:"statusReason,omitempty"`
}

// Credential states in the API.
const (
	stateValid     = "valid"
	stateSuspended = "suspended"
	stateRevoked   = "revoked"
)

func toCredentialJSON(c *pokot.IssuedCredential) credentialJSON {
	j := credentialJSON{ID: c.CredentialID, Learner: personJSON{Email: c.Email, Name: c.Name}, State: stateValid,
		Issued: utcPtr(c.IssuedAt), Grade: c.Grade, Revoked: utcPtr(c.RevokedAt), Suspended: utcPtr(c.SuspendedAt),
		StatusReason: c.StatusReason}
	if !c.AssessedOn.IsZero() {
		j.AssessedOn = c.AssessedOn.Format(time.DateOnly)
	}
	switch {
	case c.RevokedAt != nil:
		j.State = stateRevoked
	case c.SuspendedAt != nil:
		j.State = stateSuspended
	}
	return j
}

// credentials is GET /api/v1/orgs/{slug}/offerings/{id}/credentials: the offering's
// issued credentials by e-mail (reservations not yet signed are left out); ?state=
// keeps one state.
func (a *API) credentials(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	pg, ok := readPage(w, r, "state")
	if !ok {
		return nil
	}
	state := r.URL.Query().Get("state")
	if state != "" && state != stateValid && state != stateSuspended && state != stateRevoked {
		badQuery(w, map[string][]string{"state": {"state is one of valid, suspended, revoked"}})
		return nil
	}
	cs, err := oc.ds.IssuedCredentials(r.Context(), oc.org.ID, oc.offering.ID)
	if err != nil {
		return err
	}
	out := []credentialJSON{}
	for _, c := range cs {
		if c.State != pokot.CredentialIssued || c.OrgID != oc.org.ID || c.OfferingID != oc.offering.ID {
			continue
		}
		if j := toCredentialJSON(c); state == "" || j.State == state {
			out = append(out, j)
		}
	}
	writePage(w, pg, out)
	return nil
}

// statusIn is the body of POST …/credentials/{credentialId}/status.
type statusIn struct {
	Action string `json:"action"` // revoke, suspend or lift
	Reason string `json:"reason"`
}

// changeStatus is POST /api/v1/orgs/{slug}/offerings/{id}/credentials/{credentialId}/status:
// the issuing service's Revoke, Suspend or Reinstate ("lift"), which re-sign the status
// list at once. The offering's assessors and org admins only (the web's rule). A refusal
// of the service keeps its key: 409 for the conflicts (already revoked, revoked for good,
// already suspended, not suspended, no suspension entry), 422 without a reason.
func (a *API) changeStatus(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	c, err := a.loadCredential(r, oc)
	if err != nil {
		return err
	}
	if !oc.canAssess {
		return forbiddenAssess()
	}
	var in statusIn
	if err := decode(r, &in); err != nil {
		return err
	}
	svc, err := a.issuing()
	if err != nil {
		return err
	}
	ctx := r.Context()
	switch in.Action {
	case "revoke":
		err = svc.Revoke(ctx, oc.org, c.CredentialID, in.Reason)
	case "suspend":
		err = svc.Suspend(ctx, oc.org, c.CredentialID, in.Reason)
	case "lift":
		err = svc.Reinstate(ctx, oc.org, c.CredentialID, in.Reason)
	default:
		err = pokot.FieldError("action", "err.issue.action_required", "action is one of revoke, suspend, lift")
	}
	if err != nil {
		a.localizedError(w, r, err)
		return nil
	}
	if c, err = oc.ds.IssuedCredential(ctx, oc.org.ID, c.CredentialID); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toCredentialJSON(c))
	return nil
}

// loadCredential reads credential {credentialId} (its urn:uuid, or the bare uuid) of the
// offering: ENOTFOUND for another offering's or organisation's, like an unknown one.
func (a *API) loadCredential(r *http.Request, oc *offeringCtx) (*pokot.IssuedCredential, error) {
	id := r.PathValue("credentialId")
	if !strings.HasPrefix(id, "urn:uuid:") {
		id = "urn:uuid:" + id
	}
	c, err := oc.ds.IssuedCredential(r.Context(), oc.org.ID, id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND ||
		(err == nil && (c.OrgID != oc.org.ID || c.OfferingID != oc.offering.ID || c.State != pokot.CredentialIssued)) {
		return nil, &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.credential.not_found", Message: "no such credential in this offering"}
	}
	return c, err
}

func forbiddenAssess() error {
	return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.assess.not_assessor",
		Message: "only the offering's assessors and the organisation's administrators may do this"}
}

// issuing returns the service that changes issued credentials' status, on this store and
// the organisations' keys (WithIssuer).
func (a *API) issuing() (*issuing.Service, error) {
	st, ok := a.store.(issuing.Store)
	if !ok || a.issuer == nil {
		return nil, errors.New("api: changing a credential's status needs WithIssuer and a store that implements issuing.Store")
	}
	return issuing.New(st, a.issuer, issuing.Options{BaseURL: a.cfg.BaseURL, Now: a.now, Logger: a.logger}), nil
}

// localizedError renders err as writeError does, adding the message in Finnish, Swedish
// and English (messages) when the UI catalog has its key.
func (a *API) localizedError(w http.ResponseWriter, r *http.Request, err error) {
	var e *pokot.Error
	if !errors.As(err, &e) || e.Key == "" || !i18n.Has(pokot.Finnish, e.Key) || pokot.HTTPStatus(e.Code) >= 500 {
		writeError(w, r, a.logger, err)
		return
	}
	p := deliveryProblem{Messages: pokot.Text{}}
	var fes pokot.Errors
	if errors.As(err, &fes) {
		p.Errors = fieldErrors(fes)
	} else if e.Code == pokot.EINVALID && e.Field != "" {
		p.Errors = map[string][]string{e.Field: {e.Message}}
	}
	for _, l := range []pokot.Lang{pokot.Finnish, pokot.Swedish, pokot.English} {
		p.Messages[l] = i18n.T(l, e.Key)
	}
	writeDeliveryProblem(w, status(e, len(p.Errors) > 0), e, p)
}

// writeDeliveryProblem renders p with status code, e's code, key and message.
func writeDeliveryProblem(w http.ResponseWriter, code int, e *pokot.Error, p deliveryProblem) {
	p.fill(code, e)
	sendProblem(w, code, p)
}
