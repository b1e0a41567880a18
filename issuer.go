package pokot

import (
	"context"
	"time"
)

// OrgKey is one Ed25519 signing key of an organisation. The private key is stored only
// sealed (encrypted with the installation's master key by package issuer); the store never
// sees it in clear. An organisation has at most one active key (Retired == nil); retired
// keys stay listed in its DID document so that credentials signed earlier still verify,
// but they sign nothing new.
type OrgKey struct {
	ID        int64
	OrgID     int64
	KeyID     string // fragment of the verification method in the DID document (the Multikey "z6Mk…")
	PublicKey []byte // 32-byte Ed25519 public key
	Sealed    []byte // the encrypted private key seed, opaque to the store
	Created   time.Time
	Retired   *time.Time
}

// Status purposes of Bitstring Status List entries.
const (
	StatusRevocation = "revocation"
	StatusSuspension = "suspension"
)

// StatusPurposes lists the supported status purposes.
var StatusPurposes = []string{StatusRevocation, StatusSuspension}

// StatusList is one bitstring status list of an organisation for one purpose, numbered
// from 1. Version grows with every change of its bits (and on key rotation); Signed holds
// the signed BitstringStatusListCredential (JSON) of SignedVersion, a cache that is current
// only while SignedVersion == Version.
type StatusList struct {
	OrgID         int64
	Purpose       string
	Number        int
	Size          int // entries, at least 131,072
	Used          int // allocated entries
	Version       int64
	Signed        []byte
	SignedVersion int64
	Created       time.Time
}

// Current reports whether Signed is the signed form of the list's current bits.
func (l *StatusList) Current() bool { return l.Signed != nil && l.SignedVersion == l.Version }

// StatusEntry is one allocated index of a status list: the status of one credential for
// one purpose.
type StatusEntry struct {
	OrgID        int64
	Purpose      string
	List         int // StatusList.Number
	Index        int
	CredentialID string // the credential's id, when known at allocation
	Set          bool   // revoked or suspended
	Reason       string // why it was last set or cleared
	Changed      *time.Time
	Created      time.Time
}

// IssuerService stores organisations' signing keys and status lists. Every method takes
// the organisation: no query crosses tenants.
type IssuerService interface {
	// CreateOrgKey stores k as the organisation's first active key and sets its ID and
	// Created. ECONFLICT ("err.key_exists") when the organisation already has an active key,
	// ENOTFOUND when the organisation does not exist.
	CreateOrgKey(ctx context.Context, k *OrgKey) error
	// RotateOrgKey retires the active key of k.OrgID and stores k as the new active key, in
	// one transaction; every status list of the organisation is marked for re-signing.
	// ENOTFOUND ("err.no_key") when there is no active key to rotate.
	RotateOrgKey(ctx context.Context, k *OrgKey) error
	// ActiveOrgKey returns the organisation's active key. ENOTFOUND ("err.no_key").
	ActiveOrgKey(ctx context.Context, orgID int64) (*OrgKey, error)
	// OrgKeys lists all keys of the organisation, active and retired, oldest first.
	OrgKeys(ctx context.Context, orgID int64) ([]*OrgKey, error)

	// AllocateStatus reserves one unused index, chosen at random, in the newest status list
	// of the organisation and purpose that has room, opening a new list of size entries
	// (0 for 131,072) when none has. Concurrent callers, in one process or many, never get
	// the same index. EINVALID for an unknown purpose, ENOTFOUND for an unknown organisation.
	AllocateStatus(ctx context.Context, orgID int64, purpose, credentialID string, size int) (*StatusEntry, error)
	// AllocateStatuses is AllocateStatus for a batch, one entry per credential id, in one
	// transaction: all or none.
	AllocateStatuses(ctx context.Context, orgID int64, purpose string, credentialIDs []string, size int) ([]*StatusEntry, error)
	// SetStatus sets (set) or clears the bit of an allocated entry with a reason, and
	// invalidates the list's signed form. ENOTFOUND ("err.status_not_found") for an index
	// that was never allocated; ECONFLICT ("err.status_already_revoked",
	// "err.status_already_suspended", "err.status_not_suspended") when the bit already has
	// that value; ECONFLICT ("err.revocation_permanent") when clearing a revocation.
	SetStatus(ctx context.Context, orgID int64, purpose string, list, index int, set bool, reason string) (*StatusEntry, error)
	// StatusEntry returns one allocated entry. ENOTFOUND ("err.status_not_found").
	StatusEntry(ctx context.Context, orgID int64, purpose string, list, index int) (*StatusEntry, error)
	// StatusEntriesOf returns the entries allocated for a credential id, by purpose.
	StatusEntriesOf(ctx context.Context, orgID int64, credentialID string) ([]*StatusEntry, error)
	// StatusList returns a list with its cached signed form. ENOTFOUND ("err.status_list_not_found").
	StatusList(ctx context.Context, orgID int64, purpose string, list int) (*StatusList, error)
	// StatusListBits returns the indices whose bit is set. Read the list's Version first,
	// then the bits: a signed form stored for that version then never hides a later change.
	StatusListBits(ctx context.Context, orgID int64, purpose string, list int) ([]int, error)
	// StoreSignedStatusList caches the signed form of version of a list, unless the list
	// changed since (then it returns false and stores nothing).
	StoreSignedStatusList(ctx context.Context, orgID int64, purpose string, list int, version int64, signed []byte) (bool, error)
}
