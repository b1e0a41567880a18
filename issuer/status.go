package issuer

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/status"
)

// AllocateStatus reserves a random unused index in the organisation's status lists of a
// purpose and returns the credentialStatus entry (a BitstringStatusListEntry) for a
// credential, recording credentialID (may be empty) with it. EINVALID for an unknown purpose.
func (s *Service) AllocateStatus(ctx context.Context, org *pokot.Organisation, purpose, credentialID string) (map[string]any, error) {
	if err := validPurpose(purpose); err != nil {
		return nil, err
	}
	e, err := s.store.AllocateStatus(ctx, org.ID, purpose, credentialID, 0)
	if err != nil {
		return nil, err
	}
	return s.entry(org, e)
}

// entry returns the credentialStatus object of an allocated entry.
func (s *Service) entry(org *pokot.Organisation, e *pokot.StatusEntry) (map[string]any, error) {
	entry, err := s.StatusEntryOf(org, e.Purpose, e.List, e.Index)
	if err != nil {
		return nil, err
	}
	return entry.Map(), nil
}

// StatusEntryOf returns the credentialStatus entry of index in list n of a purpose: a
// BitstringStatusListEntry, which for pokot.StatusMessage has statusSize 2, the
// statusMessage of status.RevocationSuspensionMessages (0x0 valid, 0x1 suspended, 0x2 and
// 0x3 revoked) and StatusReferenceURL as statusReference. EINTERNAL for a bad purpose or index.
func (s *Service) StatusEntryOf(org *pokot.Organisation, purpose string, n, index int) (status.Entry, error) {
	url := s.StatusListURL(org, purpose, n)
	var entry status.Entry
	var err error
	if purpose == pokot.StatusMessage {
		entry, err = status.NewMessageEntry(url, index, pokot.StatusMessageBits, status.RevocationSuspensionMessages(), s.StatusReferenceURL())
	} else {
		entry, err = status.NewEntry(url, purpose, index)
	}
	if err != nil {
		return status.Entry{}, pokot.Errorf(pokot.EINTERNAL, "status entry: %v", err)
	}
	return entry, nil
}

// SetStatus sets (revokes, suspends) or clears (lifts a suspension) the status bit of list
// and index with a reason, and re-signs the status list at once. The signing key is opened
// first, so that a wrong master key fails (ErrDecrypt) before anything changes. Errors as
// pokot.IssuerService.SetStatus: revoking twice is ECONFLICT "err.status_already_revoked".
func (s *Service) SetStatus(ctx context.Context, org *pokot.Organisation, purpose string, list, index int, set bool, reason string) (*pokot.StatusEntry, error) {
	if err := validPurpose(purpose); err != nil {
		return nil, err
	}
	if purpose == pokot.StatusMessage {
		return nil, pokot.FieldError("purpose", "err.status_purpose", "a message entry has a value, not a bit: use SetStatusValue")
	}
	if _, _, err := s.signingKey(ctx, org); err != nil {
		return nil, err
	}
	e, err := s.store.SetStatus(ctx, org.ID, purpose, list, index, set, reason)
	if err != nil {
		return nil, err
	}
	// The change is recorded and the cached list invalidated; should re-signing fail here,
	// the next fetch of the list re-signs it, so the change is not reported as failed.
	if _, err := s.StatusListCredential(ctx, org, purpose, list); err != nil && s.Logger != nil {
		s.Logger.Error("issuer: re-sign status list", "org", org.Slug, "purpose", purpose, "list", list, "err", err)
	}
	return e, nil
}

// SetStatusValue changes the value of entry index of message list n (pokot.StatusValueValid,
// Suspended or Revoked) with a reason, and re-signs the list at once, as SetStatus does.
// Revocation is final. Errors as pokot.StatusValueService.SetStatusValue.
func (s *Service) SetStatusValue(ctx context.Context, org *pokot.Organisation, n, index, value int, reason string) (*pokot.StatusEntry, error) {
	if _, _, err := s.signingKey(ctx, org); err != nil {
		return nil, err
	}
	e, _, err := s.store.SetStatusValue(ctx, org.ID, n, index, value, reason)
	if err != nil {
		return nil, err
	}
	if _, err := s.StatusListCredential(ctx, org, pokot.StatusMessage, n); err != nil && s.Logger != nil {
		s.Logger.Error("issuer: re-sign status list", "org", org.Slug, "purpose", pokot.StatusMessage, "list", n, "err", err)
	}
	return e, nil
}

// SetCredentialStatus is SetStatus for the entry of purpose allocated to credentialID.
// A credential whose entry is a message entry (an Open Badge issued since message lists
// exist) is changed through its value instead: revoking sets 2, suspending 1, lifting a
// suspension 0, with SetStatusValue's rules and errors. ENOTFOUND ("err.status_not_found")
// when the credential has no such entry.
func (s *Service) SetCredentialStatus(ctx context.Context, org *pokot.Organisation, credentialID, purpose string, set bool, reason string) (*pokot.StatusEntry, error) {
	es, err := s.store.StatusEntriesOf(ctx, org.ID, credentialID)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if e.Purpose == purpose {
			return s.SetStatus(ctx, org, purpose, e.List, e.Index, set, reason)
		}
	}
	for _, e := range es {
		if e.Purpose != pokot.StatusMessage {
			continue
		}
		switch {
		case purpose == pokot.StatusRevocation && set:
			return s.SetStatusValue(ctx, org, e.List, e.Index, pokot.StatusValueRevoked, reason)
		case purpose == pokot.StatusRevocation:
			return nil, &pokot.Error{Code: pokot.ECONFLICT, Key: "err.revocation_permanent", Message: "a revocation cannot be undone"}
		case purpose == pokot.StatusSuspension && set:
			return s.SetStatusValue(ctx, org, e.List, e.Index, pokot.StatusValueSuspended, reason)
		case purpose == pokot.StatusSuspension:
			return s.SetStatusValue(ctx, org, e.List, e.Index, pokot.StatusValueValid, reason)
		}
	}
	return nil, &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.status_not_found", Message: fmt.Sprintf("the credential has no %s entry", purpose)}
}

// StatusListCredential returns the signed BitstringStatusListCredential (JSON) of list n of
// a purpose. The signed form is cached in the database and re-made only after its bits
// changed or the key was rotated. ENOTFOUND ("err.status_list_not_found"), EINVALID for an
// unknown purpose.
func (s *Service) StatusListCredential(ctx context.Context, org *pokot.Organisation, purpose string, n int) ([]byte, error) {
	if err := validPurpose(purpose); err != nil {
		return nil, err
	}
	l, err := s.store.StatusList(ctx, org.ID, purpose, n)
	if err != nil {
		return nil, err
	}
	if l.Current() {
		return l.Signed, nil
	}
	mu := s.listLock(org.ID, purpose, n)
	mu.Lock()
	defer mu.Unlock()
	// Another request of this process may have signed it while we waited. The version is
	// read before the bits, so a signature stored for it never hides a later change.
	if l, err = s.store.StatusList(ctx, org.ID, purpose, n); err != nil {
		return nil, err
	}
	if l.Current() {
		return l.Signed, nil
	}
	values := map[int]int{}
	if purpose == pokot.StatusMessage {
		if values, err = s.store.StatusListValues(ctx, org.ID, n); err != nil {
			return nil, err
		}
	} else {
		bits, err := s.store.StatusListBits(ctx, org.ID, purpose, n)
		if err != nil {
			return nil, err
		}
		for _, i := range bits {
			values[i] = 1
		}
	}
	signed, err := s.signList(ctx, org, l, values)
	if err != nil {
		return nil, err
	}
	if _, err := s.store.StoreSignedStatusList(ctx, org.ID, purpose, n, l.Version, signed); err != nil {
		return nil, err
	}
	return signed, nil
}

// signList builds and signs a status list credential with the organisation's active key.
// Its validFrom is the time the list was opened, not the signing time: a verifier whose
// clock runs a little behind ours must not find a just re-signed list "not yet valid".
// A message list has two bits per entry (l.Size entries, so twice the bits of a one-bit
// list of the same size); values maps indices to their non-zero values.
func (s *Service) signList(ctx context.Context, org *pokot.Organisation, l *pokot.StatusList, values map[int]int) ([]byte, error) {
	k, kp, err := s.signingKey(ctx, org)
	if err != nil {
		return nil, err
	}
	width := 1
	if l.Purpose == pokot.StatusMessage {
		width = pokot.StatusMessageBits
	}
	list, err := status.NewSized(l.Size, width)
	if err != nil {
		return nil, pokot.Errorf(pokot.EINTERNAL, "status list: %v", err)
	}
	for i, v := range values {
		if err := list.SetValue(i, v); err != nil {
			return nil, pokot.Errorf(pokot.EINTERNAL, "status list: %v", err)
		}
	}
	doc, err := status.NewListCredential(s.StatusListURL(org, l.Purpose, l.Number), s.DID(org), l.Purpose, list, l.Created)
	if err != nil {
		return nil, pokot.Errorf(pokot.EINTERNAL, "status list: %v", err)
	}
	signed, err := credential.Sign(doc, kp, credential.SignOptions{VerificationMethod: s.verificationMethod(org, k), Created: s.now()})
	if err != nil {
		return nil, pokot.Errorf(pokot.EINTERNAL, "sign status list: %v", err)
	}
	b, err := json.Marshal(signed)
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (s *Service) listLock(orgID int64, purpose string, n int) *sync.Mutex {
	k := fmt.Sprintf("%d/%s/%d", orgID, purpose, n)
	s.mu.Lock()
	defer s.mu.Unlock()
	mu, ok := s.lists[k]
	if !ok {
		if len(s.lists) > 10000 {
			s.lists = map[string]*sync.Mutex{}
		}
		mu = &sync.Mutex{}
		s.lists[k] = mu
	}
	return mu
}
