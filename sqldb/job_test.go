package sqldb_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestJobs(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	a := &pokot.Job{Kind: "credential.issue", Payload: []byte(`{"batch":1}`), RunAt: t0}
	must(t, db.EnqueueJob(ctx, a))
	if a.ID == 0 || a.Status != pokot.JobQueued || a.Created.IsZero() {
		t.Fatalf("after EnqueueJob: %+v", a)
	}
	b := &pokot.Job{Kind: "import.csv", Payload: []byte{0, 1, 2, 255}, RunAt: t0.Add(time.Second)}
	must(t, db.EnqueueJob(ctx, b))
	c := &pokot.Job{Kind: "credential.issue", RunAt: t0.Add(time.Hour)}
	must(t, db.EnqueueJob(ctx, c))
	wantCode(t, db.EnqueueJob(ctx, &pokot.Job{}), pokot.EINVALID)
	depth, err := db.JobQueueDepth(ctx)
	must(t, err)
	if fmt.Sprint(depth) != "map[credential.issue:2 import.csv:1]" {
		t.Fatalf("JobQueueDepth = %v", depth)
	}

	lease := t0.Add(time.Minute)
	wantCode(t, second(db.ClaimJob(ctx, []string{"nothing.here"}, "w1", t0.Add(time.Minute), lease)), pokot.ENOTFOUND)
	j, err := db.ClaimJob(ctx, []string{"import.csv"}, "w1", t0.Add(time.Second), lease)
	must(t, err)
	if j.ID != b.ID || !bytes.Equal(j.Payload, b.Payload) || j.Worker != "w1" || j.Attempts != 1 || j.LeaseUntil == nil || !j.LeaseUntil.Equal(us(lease)) {
		t.Fatalf("ClaimJob(import.csv) = %+v", j)
	}
	j, err = db.ClaimJob(ctx, nil, "w2", t0.Add(time.Second), lease)
	must(t, err)
	if j.ID != a.ID || string(j.Payload) != `{"batch":1}` {
		t.Fatalf("ClaimJob(any) = %+v", j)
	}
	// c is not due yet, a and b are leased.
	wantCode(t, second(db.ClaimJob(ctx, nil, "w3", t0.Add(2*time.Second), lease)), pokot.ENOTFOUND)
	// b's worker died: after its lease, b is due again.
	j, err = db.ClaimJob(ctx, []string{"import.csv", "credential.issue"}, "w3", lease, lease.Add(time.Minute))
	must(t, err)
	if j.ID != a.ID || j.Attempts != 2 || j.Worker != "w3" {
		t.Fatalf("reclaimed = %+v", j)
	}
	must(t, db.CompleteJob(ctx, a.ID, lease))
	retry := lease.Add(time.Minute)
	must(t, db.FailJob(ctx, b.ID, "disk full", &retry))
	wantCode(t, second(db.ClaimJob(ctx, []string{"import.csv"}, "w1", retry.Add(-time.Second), retry)), pokot.ENOTFOUND)
	j, err = db.ClaimJob(ctx, []string{"import.csv"}, "w1", retry, retry.Add(time.Minute))
	must(t, err)
	if j.ID != b.ID || j.LastError != "disk full" || j.Attempts != 2 {
		t.Fatalf("retried = %+v", j)
	}
	must(t, db.FailJob(ctx, b.ID, "bad CSV", nil))
	got, err := db.Job(ctx, b.ID)
	must(t, err)
	if got.Status != pokot.JobFailed || got.Worker != "w1" || got.LastError != "bad CSV" || got.Attempts != 2 || got.LeaseUntil != nil {
		t.Fatalf("Job(b) = %+v", got)
	}
	if got, err := db.Job(ctx, a.ID); err != nil || got.Status != pokot.JobDone || got.Worker != "w3" || got.DoneAt == nil {
		t.Fatalf("Job(a) = %+v, %v", got, err)
	}
	wantCode(t, second(db.Job(ctx, 9999)), pokot.ENOTFOUND)
	wantCode(t, second(db.ClaimJob(ctx, []string{"import.csv"}, "w1", retry.Add(time.Hour), retry.Add(2*time.Hour))), pokot.ENOTFOUND)
	depth, _ = db.JobQueueDepth(ctx)
	if fmt.Sprint(depth) != "map[credential.issue:1]" {
		t.Fatalf("JobQueueDepth = %v", depth)
	}
	wantCode(t, db.CompleteJob(ctx, 9999, t0), pokot.ENOTFOUND)
	wantCode(t, db.FailJob(ctx, 9999, "x", nil), pokot.ENOTFOUND)
}

// TestClaimJobConcurrent claims from several goroutines through two handles on one
// database and checks that every job is handed out exactly once.
func TestClaimJobConcurrent(t *testing.T) {
	t.Parallel()
	dbs := openTwice(t)
	const total = 150
	for i := 0; i < total; i++ {
		kind := []string{"a", "b", "c"}[i%3]
		must(t, dbs[1].EnqueueJob(ctx, &pokot.Job{Kind: kind, RunAt: t0}))
	}
	var mu sync.Mutex
	seen := map[int64]string{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		db, worker := dbs[w%2], fmt.Sprintf("w%d", w)
		go func() {
			defer wg.Done()
			for {
				j, err := db.ClaimJob(ctx, []string{"a", "b", "c"}, worker, t0, t0.Add(time.Hour))
				if pokot.ErrorCode(err) == pokot.ENOTFOUND {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if prev, ok := seen[j.ID]; ok {
					t.Errorf("job %d claimed by %s and %s", j.ID, prev, worker)
				}
				seen[j.ID] = worker
				mu.Unlock()
				if err := db.CompleteJob(ctx, j.ID, t0); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if len(seen) != total {
		t.Fatalf("%d jobs claimed, want %d", len(seen), total)
	}
	if depth, _ := dbs[0].JobQueueDepth(ctx); len(depth) != 0 {
		t.Fatalf("queue not empty: %v", depth)
	}
}

// TestRenewJob extends a held lease, and refuses a renewal by a worker who lost the job:
// to a takeover after the lease ran out, to a hand-back, or because the job is done.
func TestRenewJob(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	j := &pokot.Job{Kind: "credential.issue", RunAt: t0}
	must(t, db.EnqueueJob(ctx, j))
	wantCode(t, db.RenewJob(ctx, j.ID, "w1", t0.Add(time.Minute)), pokot.ECONFLICT, "err.job.lease_lost") // never claimed
	_, err := db.ClaimJob(ctx, nil, "w1", t0, t0.Add(time.Minute))
	must(t, err)

	// w1 renews: the job is not due for others at the old lease's end, only at the new one's.
	must(t, db.RenewJob(ctx, j.ID, "w1", t0.Add(3*time.Minute)))
	wantCode(t, second(db.ClaimJob(ctx, nil, "w2", t0.Add(2*time.Minute), t0.Add(4*time.Minute))), pokot.ENOTFOUND)
	// A lease that ran out but was not taken over can still be renewed by its holder.
	must(t, db.RenewJob(ctx, j.ID, "w1", t0.Add(5*time.Minute)))
	wantCode(t, second(db.ClaimJob(ctx, nil, "w2", t0.Add(4*time.Minute), t0.Add(6*time.Minute))), pokot.ENOTFOUND)

	// w2 takes over after the lease: w1 has lost the job and cannot renew it any more.
	got, err := db.ClaimJob(ctx, nil, "w2", t0.Add(5*time.Minute), t0.Add(6*time.Minute))
	must(t, err)
	if got.ID != j.ID || got.Worker != "w2" || got.Attempts != 2 {
		t.Fatalf("takeover = %+v", got)
	}
	wantCode(t, db.RenewJob(ctx, j.ID, "w1", t0.Add(time.Hour)), pokot.ECONFLICT, "err.job.lease_lost")
	wantCode(t, second(db.ClaimJob(ctx, nil, "w1", t0.Add(5*time.Minute+30*time.Second), t0.Add(7*time.Minute))), pokot.ENOTFOUND)
	must(t, db.RenewJob(ctx, j.ID, "w2", t0.Add(8*time.Minute)))
	wantCode(t, second(db.ClaimJob(ctx, nil, "w1", t0.Add(7*time.Minute), t0.Add(9*time.Minute))), pokot.ENOTFOUND)

	// Handed back (graceful stop): no lease, so not renewable even by its last worker.
	retry := t0.Add(8 * time.Minute)
	must(t, db.FailJob(ctx, j.ID, "interrupted", &retry))
	wantCode(t, db.RenewJob(ctx, j.ID, "w2", t0.Add(time.Hour)), pokot.ECONFLICT, "err.job.lease_lost")
	_, err = db.ClaimJob(ctx, nil, "w3", retry, retry.Add(time.Minute))
	must(t, err)
	must(t, db.CompleteJob(ctx, j.ID, retry))
	wantCode(t, db.RenewJob(ctx, j.ID, "w3", t0.Add(time.Hour)), pokot.ECONFLICT, "err.job.lease_lost")
	wantCode(t, db.RenewJob(ctx, 99999, "w3", t0.Add(time.Hour)), pokot.ENOTFOUND)
}
