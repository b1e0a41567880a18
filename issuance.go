package pokot

import (
	"context"
	"time"
)

// JobIssueBatch is the Job.Kind of batch issuing; its payload is the batch id as JSON
// {"batch": 12}.
const JobIssueBatch = "credential.issue_batch"

// Issue batch statuses.
const (
	BatchQueued  = "queued"
	BatchRunning = "running"
	BatchDone    = "done"
	BatchFailed  = "failed"
)

// IssueBatch is one run of issuing credentials to the eligible learners of an offering,
// done by a background job. Total, Done and Failed are stored as the job advances, so a
// progress bar survives page reloads and restarts.
type IssueBatch struct {
	ID         int64
	OrgID      int64
	OfferingID int64
	JobID      int64
	Total      int
	Done       int
	Failed     int
	Status     string
	LastError  string
	CreatedBy  int64
	Created    time.Time
	FinishedAt *time.Time
}

// Issued credential states.
const (
	CredentialPending = "pending" // reserved: id, salt and status index fixed, not yet signed
	CredentialIssued  = "issued"
)

// IssuedCredential is the credential one learner received for one offering; at most one
// exists per offering and learner (e-mail). It is reserved first (CredentialID, Salt and the
// revocation status index fixed in the transaction that allocates the index), then signed
// and stored; a retry of a reservation signs the same credential again.
type IssuedCredential struct {
	ID             int64
	OrgID          int64
	OfferingID     int64
	RegistrationID int64
	BatchID        int64
	Email          string
	Name           string
	Lang           Lang
	CredentialID   string // urn:uuid:…
	IdentityHash   string // "sha256$…" of the e-mail with Salt, as in the credential
	Salt           string
	Grade          string
	AssessedOn     time.Time // the learner's last assessment date (KOSKI arviointipäivä)
	StatusList     int       // revocation list number
	StatusIndex    int
	State          string
	Signed         []byte // the signed credential (JSON) once issued
	Reserved       time.Time
	IssuedAt       *time.Time
	RevokedAt      *time.Time
	SuspendedAt    *time.Time
	StatusReason   string
}

// IssuanceService stores batches and issued credentials.
type IssuanceService interface {
	// StartIssueBatch creates a batch for the learners of an offering who passed every
	// outcome and have no credential yet, and enqueues its job, in one transaction.
	// EFORBIDDEN ("err.issue.forbidden") unless userID is an assessor of the offering or an
	// org admin; EINVALID ("err.issue.none_eligible") when nobody is waiting for a
	// credential; ECONFLICT ("err.issue.batch_running") while another batch of the offering
	// is queued or running; ENOTFOUND.
	StartIssueBatch(ctx context.Context, orgID, offeringID, userID int64) (*IssueBatch, error)
	// IssueBatch returns a batch with its progress. ENOTFOUND.
	IssueBatch(ctx context.Context, orgID, id int64) (*IssueBatch, error)
	// IssueBatches lists an offering's batches, newest first.
	IssueBatches(ctx context.Context, orgID, offeringID int64) ([]*IssueBatch, error)
	// IssuedCredentials lists an offering's issued (and pending) credentials, by e-mail.
	IssuedCredentials(ctx context.Context, orgID, offeringID int64) ([]*IssuedCredential, error)
	// IssuedCredential returns one by its credential id (urn:uuid). ENOTFOUND.
	IssuedCredential(ctx context.Context, orgID int64, credentialID string) (*IssuedCredential, error)
	// CredentialsOfEmail lists the issued credentials held by an address (any organisation),
	// newest first, for the learner's wallet.
	CredentialsOfEmail(ctx context.Context, email string) ([]*IssuedCredential, error)
}

// IssueJobPayload is the payload of a JobIssueBatch job.
type IssueJobPayload struct {
	Org   int64 `json:"org"`
	Batch int64 `json:"batch"`
}

// SignedIssue is one signed reservation for the store to keep, with the e-mail that tells
// the learner, queued in the same transaction.
type SignedIssue struct {
	ID     int64 // IssuedCredential.ID
	Signed []byte
	Mail   *Mail
}
