package issuer

import (
	"context"
	"crypto/ed25519"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/key"
)

// newKey generates an Ed25519 key for the organisation and seals it. Its key id is its
// Multikey, so the verification method is did:web:…#z6Mk… as in key.NewControllerDocument.
func (s *Service) newKey(orgID int64) (*pokot.OrgKey, *key.KeyPair, error) {
	kp, err := key.Generate()
	if err != nil {
		return nil, nil, err
	}
	k := &pokot.OrgKey{OrgID: orgID, KeyID: key.EncodePublic(kp.Public), PublicKey: []byte(kp.Public)}
	if k.Sealed, err = s.sealer.seal(orgID, k.KeyID, kp.Seed()); err != nil {
		return nil, nil, err
	}
	return k, kp, nil
}

// EnsureKey returns the organisation's active signing key, creating the first one when it
// has none. Concurrent first calls agree on one key.
func (s *Service) EnsureKey(ctx context.Context, org *pokot.Organisation) (*pokot.OrgKey, error) {
	k, err := s.store.ActiveOrgKey(ctx, org.ID)
	if pokot.ErrorCode(err) != pokot.ENOTFOUND {
		return k, err
	}
	k, _, err = s.newKey(org.ID)
	if err != nil {
		return nil, err
	}
	err = s.store.CreateOrgKey(ctx, k)
	if pokot.ErrorCode(err) == pokot.ECONFLICT { // another process created it first
		return s.store.ActiveOrgKey(ctx, org.ID)
	}
	return k, err
}

// Rotate retires the organisation's active key and makes a new one active. The retired key
// stays in the DID document, so credentials signed with it still verify, but it signs
// nothing new; the status lists are re-signed with the new key when next fetched. Rotate
// first opens the active key, so that a wrong master key fails (ErrDecrypt) before anything
// changes. ENOTFOUND ("err.no_key") when the organisation has no key yet.
func (s *Service) Rotate(ctx context.Context, org *pokot.Organisation) (*pokot.OrgKey, error) {
	old, err := s.store.ActiveOrgKey(ctx, org.ID)
	if err != nil {
		return nil, err
	}
	if _, err := s.open(old); err != nil {
		return nil, err
	}
	k, _, err := s.newKey(org.ID)
	if err != nil {
		return nil, err
	}
	if err := s.store.RotateOrgKey(ctx, k); err != nil {
		return nil, err
	}
	return k, nil
}

// open decrypts an organisation key, checks it against its public key, and keeps it
// opened in memory for the next signature.
func (s *Service) open(k *pokot.OrgKey) (*key.KeyPair, error) {
	s.mu.Lock()
	ok, hit := s.keys[k.ID]
	s.mu.Unlock()
	if hit && ok.sealed == string(k.Sealed) {
		return ok.kp, nil
	}
	seed, err := s.sealer.open(k.OrgID, k.KeyID, k.Sealed)
	if err != nil {
		return nil, err
	}
	kp, err := key.FromSeed(seed)
	if err != nil {
		return nil, err
	}
	if !kp.Public.Equal(ed25519.PublicKey(k.PublicKey)) {
		return nil, &pokot.Error{Code: pokot.EINTERNAL, Key: "err.master_key", Message: "the opened signing key does not match its public key", Err: ErrDecrypt}
	}
	s.mu.Lock()
	if len(s.keys) > 10000 {
		s.keys = map[int64]*openKey{}
	}
	s.keys[k.ID] = &openKey{sealed: string(k.Sealed), kp: kp}
	s.mu.Unlock()
	return kp, nil
}

// signingKey returns the organisation's active key, opened; the first key is created on
// demand.
func (s *Service) signingKey(ctx context.Context, org *pokot.Organisation) (*pokot.OrgKey, *key.KeyPair, error) {
	k, err := s.EnsureKey(ctx, org)
	if err != nil {
		return nil, nil, err
	}
	kp, err := s.open(k)
	return k, kp, err
}
