package issuing

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// Revoke revokes an issued credential of org for good, with a reason shown to nobody but
// the organisation (the status list only carries the value). The status list is re-signed
// at once, so verifiers see the change on their next fetch. A suspended credential can be
// revoked. EINVALID ("err.issue.reason_required") without a reason; ENOTFOUND for a
// credential that org did not issue; ECONFLICT ("err.status_already_revoked") when it is
// revoked already — nothing changes then.
func (s *Service) Revoke(ctx context.Context, org *pokot.Organisation, credentialID, reason string) error {
	return s.setStatus(ctx, org, credentialID, pokot.StatusValueRevoked, reason)
}

// Suspend suspends an issued credential: verifiers reject it as suspended until the
// suspension is lifted (Reinstate). Open Badges issued since two-bit message status lists
// exist carry the suspension in their one credentialStatus entry. ECONFLICT
// "err.status_already_suspended", "err.status_revoked_final" (a revoked credential cannot
// be suspended), and "err.issue.suspension_unavailable" for an Open Badge issued earlier
// with a revocation-only entry; EINVALID and ENOTFOUND as Revoke.
func (s *Service) Suspend(ctx context.Context, org *pokot.Organisation, credentialID, reason string) error {
	return s.setStatus(ctx, org, credentialID, pokot.StatusValueSuspended, reason)
}

// Reinstate lifts the suspension of an issued credential, with a reason; it verifies
// again at once. ECONFLICT "err.status_not_suspended" when it is not suspended,
// "err.status_revoked_final" when it is revoked; EINVALID and ENOTFOUND as Revoke.
func (s *Service) Reinstate(ctx context.Context, org *pokot.Organisation, credentialID, reason string) error {
	return s.setStatus(ctx, org, credentialID, pokot.StatusValueValid, reason)
}

// CanSuspend reports whether the credential's status entry can carry a suspension: true
// for a two-bit message entry, false for an older revocation-only entry.
func (s *Service) CanSuspend(ctx context.Context, org *pokot.Organisation, credentialID string) (bool, error) {
	p, err := s.purposeOf(ctx, org, credentialID)
	return p == pokot.StatusMessage, err
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

// purposeOf returns the purpose of the status entry of an issued credential.
func (s *Service) purposeOf(ctx context.Context, org *pokot.Organisation, credentialID string) (string, error) {
	ps, err := s.store.StatusPurposesOf(ctx, org.ID, []string{credentialID})
	if err != nil {
		return "", err
	}
	if p := ps[credentialID]; p != "" {
		return p, nil
	}
	return "", &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.status_not_found", Message: "the credential has no status entry"}
}

// setStatus moves an issued credential to value (pokot.StatusValueValid, Suspended or
// Revoked) in its status list, then records it on the issued credential.
func (s *Service) setStatus(ctx context.Context, org *pokot.Organisation, credentialID string, value int, reason string) error {
	if err := checkReason(reason); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	c, err := s.issued(ctx, org, credentialID)
	if err != nil {
		return err
	}
	purpose, err := s.purposeOf(ctx, org, credentialID)
	if err != nil {
		return err
	}
	switch {
	case purpose == pokot.StatusMessage:
		// The store records the change on the issued credential in the transaction that
		// changes the entry: a separate update here could land after a concurrent
		// change's and leave the record disagreeing with the list.
		_, err = s.issuer.SetStatusValue(ctx, org, c.StatusList, c.StatusIndex, value, reason)
		return err
	case value == pokot.StatusValueRevoked:
		_, err = s.issuer.SetStatus(ctx, org, purpose, c.StatusList, c.StatusIndex, true, reason)
	case value == pokot.StatusValueSuspended:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.issue.suspension_unavailable",
			Message: "this Open Badge was issued with a revocation-only status entry: it can be revoked, not suspended"}
	default:
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.status_not_suspended", Message: "the credential is not suspended"}
	}
	if err != nil {
		return err
	}
	now := s.opt.Now()
	switch value {
	case pokot.StatusValueRevoked:
		return s.store.MarkCredentialStatus(ctx, org.ID, credentialID, pokot.StatusRevocation, true, reason, now)
	case pokot.StatusValueSuspended:
		return s.store.MarkCredentialStatus(ctx, org.ID, credentialID, pokot.StatusSuspension, true, reason, now)
	default:
		return s.store.MarkCredentialStatus(ctx, org.ID, credentialID, pokot.StatusSuspension, false, reason, now)
	}
}
