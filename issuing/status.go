package issuing

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// Revoke revokes an issued credential of org for good, with a reason shown to nobody but
// the organisation (the status list only carries the bit). The status list is re-signed at
// once, so verifiers see the change on their next fetch. EINVALID
// ("err.issue.reason_required") without a reason; ENOTFOUND for a credential that org did
// not issue; ECONFLICT ("err.status_already_revoked") when it is revoked already — nothing
// changes then.
func (s *Service) Revoke(ctx context.Context, org *pokot.Organisation, credentialID, reason string) error {
	return s.setStatus(ctx, org, credentialID, pokot.StatusRevocation, true, reason)
}

// Suspend suspends an issued credential. Open Badges 3.0 credentials carry one
// credentialStatus only (the JSON Schema allows a single object), which POKOT gives to
// revocation, so an Open Badge cannot be suspended and then reinstated: ECONFLICT
// ("err.issue.suspension_unavailable"). Revoke, and issue again when needed.
func (s *Service) Suspend(ctx context.Context, org *pokot.Organisation, credentialID, reason string) error {
	if err := checkReason(reason); err != nil {
		return err
	}
	if _, err := s.issued(ctx, org, credentialID); err != nil {
		return err
	}
	return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.issue.suspension_unavailable",
		Message: "an Open Badges 3.0 credential has only a revocation status: it can be revoked, not suspended"}
}

func checkReason(reason string) error {
	r := strings.TrimSpace(reason)
	if r == "" || utf8.RuneCountInString(r) > 1000 {
		return pokot.FieldError("reason", "err.issue.reason_required", "give a reason (at most 1,000 characters)")
	}
	return nil
}

func (s *Service) issued(ctx context.Context, org *pokot.Organisation, credentialID string) (*pokot.IssuedCredential, error) {
	c, err := s.store.IssuedCredential(ctx, org.ID, credentialID)
	if err != nil {
		return nil, err
	}
	if c.State != pokot.CredentialIssued {
		return nil, &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.issue.not_issued", Message: "the credential has not been issued"}
	}
	return c, nil
}

func (s *Service) setStatus(ctx context.Context, org *pokot.Organisation, credentialID, purpose string, set bool, reason string) error {
	if err := checkReason(reason); err != nil {
		return err
	}
	c, err := s.issued(ctx, org, credentialID)
	if err != nil {
		return err
	}
	if _, err := s.issuer.SetStatus(ctx, org, purpose, c.StatusList, c.StatusIndex, set, strings.TrimSpace(reason)); err != nil {
		return err
	}
	return s.store.MarkCredentialStatus(ctx, org.ID, credentialID, purpose, set, strings.TrimSpace(reason), s.opt.Now())
}
