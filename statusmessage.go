package pokot

import "context"

// StatusMessage is the purpose of two-bit Bitstring Status List entries whose values the
// credential explains in its statusMessage: POKOT gives each Open Badge one such entry
// (the OB 3.0 JSON Schema allows one credentialStatus) that carries both suspension and
// revocation, with the values below.
const StatusMessage = "message"

// Values of a StatusMessage entry. The high bit means revoked, the low bit suspended; 3
// (revoked while suspended) is never written but reads as revoked.
const (
	StatusValueValid     = 0
	StatusValueSuspended = 1
	StatusValueRevoked   = 2
)

// StatusMessageBits is the statusSize of a StatusMessage entry.
const StatusMessageBits = 2

// StatusValueService stores the values of StatusMessage entries. Entries are allocated
// with IssuerService.AllocateStatus(es) and purpose StatusMessage; their StatusEntry.Set
// is true when the value is not StatusValueValid. Every method takes the organisation.
type StatusValueService interface {
	// SetStatusValue changes the value of an allocated StatusMessage entry with a reason
	// and invalidates the list's signed form, in one transaction; it returns the entry and
	// its new value. Revocation is final. ENOTFOUND ("err.status_not_found"); ECONFLICT
	// "err.status_already_revoked" (revoking twice), "err.status_revoked_final"
	// (suspending or lifting a revoked entry), "err.status_already_suspended",
	// "err.status_not_suspended" (lifting what is not suspended); EINVALID for another value.
	SetStatusValue(ctx context.Context, orgID int64, list, index, value int, reason string) (*StatusEntry, int, error)
	// StatusValue returns an allocated StatusMessage entry and its value. ENOTFOUND.
	StatusValue(ctx context.Context, orgID int64, list, index int) (*StatusEntry, int, error)
	// StatusListValues returns the non-zero values of a StatusMessage list by index. Read
	// the list's Version first, as for StatusListBits.
	StatusListValues(ctx context.Context, orgID int64, list int) (map[int]int, error)
	// StatusPurposesOf returns the purpose of the status entry of each credential id that
	// has one (for a credential with several entries, StatusMessage wins, then revocation).
	StatusPurposesOf(ctx context.Context, orgID int64, credentialIDs []string) (map[string]string, error)
}
