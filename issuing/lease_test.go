package issuing_test

import (
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// TestLeaseRenewedWhileBatchRuns lets the clock run most of a lease between chunks, three
// times over: the worker renews after each chunk, so another process never takes the job
// over while the batch runs, though the batch outlives its first lease twice.
func TestLeaseRenewedWhileBatchRuns(t *testing.T) {
	e := newEnv(t, 12)
	_, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	must(t, err)
	const lease = 10 * time.Minute
	a := e.serviceLease(nil, "a", 3, lease)
	b := e.serviceLease(nil, "b", 3, lease)
	chunks := 0
	a.SetHook(func(stage string, chunk int) {
		if stage != "stored" {
			return
		}
		chunks = chunk
		if chunk > 1 {
			e.clock.Add(lease * 8 / 10)
			if ran, err := b.RunOnce(ctx); ran || err != nil {
				t.Errorf("chunk %d: another worker took the job over: %v %v", chunk, ran, err)
			}
		}
	})
	if ran, err := a.RunOnce(ctx); !ran || err != nil {
		t.Fatalf("RunOnce: %v %v", ran, err)
	}
	if chunks != 4 {
		t.Fatalf("%d chunks, want 4", chunks)
	}
	checkExactlyOnce(t, e, e.offering, e.learners, true)
	// The job is done: nobody gets it again, even long after.
	e.clock.Add(time.Hour)
	if ran, err := b.RunOnce(ctx); ran || err != nil {
		t.Fatalf("a finished job ran again: %v %v", ran, err)
	}
}

// TestLostLeaseStopsWorker stalls a worker past its lease while another process takes the
// job over: at its next renewal the first worker learns it lost the job, stops issuing,
// and leaves the job with its new holder (no hand-back that would let a third one in).
func TestLostLeaseStopsWorker(t *testing.T) {
	e := newEnv(t, 12)
	b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	must(t, err)
	const lease = 10 * time.Minute
	slow := e.serviceLease(nil, "slow", 3, lease)
	var stages []string
	var jobID int64
	slow.SetHook(func(stage string, chunk int) {
		stages = append(stages, stage)
		if stage == "stored" && chunk == 1 {
			e.clock.Add(lease + time.Second)
			now := e.clock.Now()
			j, err := e.db.ClaimJob(ctx, []string{pokot.JobIssueBatch}, "fast", now, now.Add(lease))
			if err != nil {
				t.Fatalf("takeover after the lease: %v", err)
			}
			jobID = j.ID
		}
	})
	if ran, err := slow.RunOnce(ctx); !ran || err != nil {
		t.Fatalf("RunOnce of the worker that lost its lease: %v %v", ran, err)
	}
	if len(stages) != 3 {
		t.Fatalf("the worker went on after losing its lease: %v", stages)
	}
	cs, err := e.db.IssuedCredentials(ctx, e.org.ID, e.offering.ID)
	must(t, err)
	if len(cs) != 3 {
		t.Fatalf("%d credentials after one chunk", len(cs))
	}
	// The job is still fast's: nobody else may claim it, and fast can renew it.
	now := e.clock.Now()
	if _, err := e.db.ClaimJob(ctx, []string{pokot.JobIssueBatch}, "third", now, now.Add(lease)); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("the job was handed back by the worker that lost it: %v", err)
	}
	var gotErr *pokot.Error
	if err := e.db.RenewJob(ctx, jobID, "slow", now.Add(lease)); !asErr(err, &gotErr) || gotErr.Code != pokot.ECONFLICT {
		t.Fatalf("renewal by the loser: %v", err)
	}
	must(t, e.db.RenewJob(ctx, jobID, "fast", now.Add(lease)))
	// fast dies in turn; after its lease any process finishes the batch.
	e.clock.Add(lease + time.Second)
	if ran, err := e.service(nil, "third", 3).RunOnce(ctx); !ran || err != nil {
		t.Fatalf("resume: %v %v", ran, err)
	}
	checkExactlyOnce(t, e, e.offering, e.learners, true)
	p, err := e.db.IssueBatch(ctx, e.org.ID, b.ID)
	must(t, err)
	if p.Done != 12 || p.Status != pokot.BatchDone {
		t.Fatalf("progress %+v", p)
	}
}
