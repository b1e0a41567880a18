// Package issuing issues the credentials of an offering's learners in batches, as a
// background job of the durable queue (pokot.JobIssueBatch), exactly once per learner and
// offering however often a batch is retried or a process dies mid-way; and revokes them.
//
// A batch advances in chunks. Each chunk is reserved by the store in one transaction (the
// learners' credential ids, salts and revocation status indices fixed, pending rows
// inserted under the unique key (offering, learner)); then built from the POK version with
// the same OB 3.0 mapping as every export (exchange.Achievement over credential.Build),
// signed by issuer.Service with the organisation's key, and stored with the learners'
// e-mails in a second transaction that only turns pending rows into issued ones. A crash
// between the two leaves pending reservations that the next attempt signs again — same
// id, same status index — so nothing is lost and nothing is issued twice.
package issuing

import (
	"context"
	"log/slog"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
)

// Store is the storage the Service needs; *sqldb.DB implements it.
type Store interface {
	pokot.JobService
	// OrgByID returns ENOTFOUND when missing.
	OrgByID(ctx context.Context, id int64) (*pokot.Organisation, error)
	// Offering returns one offering. ENOTFOUND.
	Offering(ctx context.Context, orgID, id int64) (*pokot.Offering, error)
	// MicrocredentialVersion returns one version with its content. ENOTFOUND.
	MicrocredentialVersion(ctx context.Context, orgID, mcID int64, number int) (*pokot.MicrocredentialVersion, error)
	// IssuedCredential returns one by its credential id. ENOTFOUND.
	IssuedCredential(ctx context.Context, orgID int64, credentialID string) (*pokot.IssuedCredential, error)
	// ReserveIssuance marks the batch running and returns up to n reservations to sign:
	// pending ones first, then new ones with status indices allocated in the same
	// transaction. Empty when nothing is left.
	ReserveIssuance(ctx context.Context, orgID, batchID int64, n int) (*pokot.IssueBatch, []*pokot.IssuedCredential, error)
	// CompleteIssuance stores signed reservations still pending and queues their e-mails
	// in one transaction; it returns how many it stored.
	CompleteIssuance(ctx context.Context, orgID, batchID int64, items []pokot.SignedIssue, outbox bool) (int, error)
	// FinishIssueBatch marks a batch done, or failed with errText.
	FinishIssueBatch(ctx context.Context, orgID, batchID int64, errText string) error
	// StatusPurposesOf returns the purpose of each credential's status entry.
	StatusPurposesOf(ctx context.Context, orgID int64, credentialIDs []string) (map[string]string, error)
	// MarkCredentialStatus records a status change on the issued credential.
	MarkCredentialStatus(ctx context.Context, orgID int64, credentialID, purpose string, set bool, reason string, now time.Time) error
}

// Options configure a Service; zero values take the defaults.
type Options struct {
	// BaseURL is the platform's public URL (pokot.Config.BaseURL): achievement ids and the
	// links in the e-mails are made from it. Required.
	BaseURL string
	// Outbox keeps the e-mails in the outbox (no SMTP server; mail.Queue.Outbox()).
	Outbox bool
	// Worker names this process in the job queue, e.g. "host:pid".
	Worker string
	// Chunk is how many credentials one transaction stores (default 500).
	Chunk int
	// Lease is how long a claimed job stays with this worker without a renewal before
	// another may take it over (default 30 s). The worker renews it after every chunk and
	// every Lease/3, so a batch keeps its worker however long it runs, and a batch whose
	// process died (kill -9, power cut) is taken over within a Lease by any process that
	// runs the worker, the restarted one included.
	Lease time.Duration
	// Poll is how often an idle worker looks for jobs (default 2 s).
	Poll time.Duration
	// Attempts bounds the attempts of a failing batch (default 5).
	Attempts int
	// ImageURL returns the public address of a version's badge image; when nil or empty
	// the image travels inside each credential as a data: URI.
	ImageURL func(v *pokot.MicrocredentialVersion) string
	// LinkURL returns the address e-mailed to the learner; by default
	// {BaseURL}/credentials/{uuid}.
	LinkURL func(c *pokot.IssuedCredential) string
	// AfterIssued, when set, is called with each chunk of credentials right after they are
	// stored, e.g. to issue the pathway credentials they complete (pathway.AfterIssuedChunk).
	// Its error is logged, not returned: the chunk's credentials are already issued, and
	// the pathway side catches up on its own.
	AfterIssued func(ctx context.Context, cs []*pokot.IssuedCredential) error
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Logger receives what users do not see; nil discards.
	Logger *slog.Logger
}

// DefaultLease is Options.Lease when zero.
const DefaultLease = 30 * time.Second

// Service runs batch issuing jobs and changes credentials' status. Safe for concurrent use.
type Service struct {
	store  Store
	issuer *issuer.Service
	opt    Options
	// hook, when set by tests, is called at each stage of a chunk ("reserved", "signed",
	// "stored") with the chunk number; a panic in it simulates a crash at that point.
	hook func(stage string, chunk int)
}

// New returns a Service.
func New(store Store, iss *issuer.Service, opt Options) *Service {
	if opt.Chunk <= 0 {
		opt.Chunk = 500
	}
	if opt.Lease <= 0 {
		opt.Lease = DefaultLease
	}
	if opt.Poll <= 0 {
		opt.Poll = 2 * time.Second
	}
	if opt.Attempts <= 0 {
		opt.Attempts = 5
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Worker == "" {
		opt.Worker = "issuing"
	}
	return &Service{store: store, issuer: iss, opt: opt}
}
