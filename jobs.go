package pokot

import (
	"context"
	"time"
)

// Job statuses.
const (
	JobQueued = "queued" // waiting to run, or running under a lease
	JobDone   = "done"
	JobFailed = "failed" // gave up after the last attempt
)

// Job is a unit of background work in the durable queue shared by all processes (batch
// issuing, imports, …). Payload is opaque to the queue; its Kind says how to read it.
type Job struct {
	ID         int64
	Kind       string // e.g. "credential.issue"
	Payload    []byte
	Status     string
	Attempts   int        // claims so far, including the current one
	RunAt      time.Time  // not before
	LeaseUntil *time.Time // set while a worker holds the job
	Worker     string     // who holds or last held the job
	LastError  string
	Created    time.Time
	DoneAt     *time.Time
}

// JobService is the durable job queue.
type JobService interface {
	// EnqueueJob stores j as queued and sets ID, Status and Created; a zero RunAt means now.
	// EINVALID when Kind is empty.
	EnqueueJob(ctx context.Context, j *Job) error
	// ClaimJob leases the oldest due queued job of one of kinds (any kind when kinds is
	// empty) to worker until leaseUntil and counts the attempt. A job is never handed to two
	// workers at once; an expired lease makes the job due again. ENOTFOUND when none is due.
	ClaimJob(ctx context.Context, kinds []string, worker string, now, leaseUntil time.Time) (*Job, error)
	// CompleteJob marks a job done. ENOTFOUND.
	CompleteJob(ctx context.Context, id int64, now time.Time) error
	// FailJob records a failed attempt and queues the job again at retryAt, or marks it
	// JobFailed when retryAt is nil. ENOTFOUND.
	FailJob(ctx context.Context, id int64, errText string, retryAt *time.Time) error
	// JobQueueDepth counts queued jobs by kind, for metrics.
	JobQueueDepth(ctx context.Context) (map[string]int, error)
	// RenewJob extends the lease of a job that worker holds to leaseUntil (also when the
	// lease ran out but nobody has claimed the job since). ENOTFOUND when no such job;
	// ECONFLICT (key err.job.lease_lost) when the job is no longer worker's: claimed by
	// another worker, handed back, done or failed. A worker that gets ECONFLICT must stop
	// working on the job and leave it alone.
	RenewJob(ctx context.Context, id int64, worker string, leaseUntil time.Time) error
}
