package issuing_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// crash is the panic value that stands for a process killed with kill -9: nothing after it
// runs, no deferred clean-up of the worker's, the job stays leased.
type crash struct{}

// TestCrashMidBatchResumes stops a worker dead at each stage of its third chunk (after
// the reservation, after signing, after storing), then lets another process take the
// job when the lease runs out: every learner ends with exactly one credential that
// verifies, the reserved ones keep their id and status index, and no index is wasted.
func TestCrashMidBatchResumes(t *testing.T) {
	for _, stage := range []string{"reserved", "signed", "stored"} {
		t.Run(stage, func(t *testing.T) {
			e := newEnv(t, 14)
			b, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
			must(t, err)
			s := e.service(nil, "doomed", 4)
			s.SetHook(func(st string, chunk int) {
				if st == stage && chunk == 3 {
					panic(crash{})
				}
			})
			func() {
				defer func() {
					if r := recover(); r != (crash{}) {
						t.Fatalf("the worker did not crash: %v", r)
					}
				}()
				s.RunOnce(ctx)
			}()
			before, err := e.db.IssuedCredentials(ctx, e.org.ID, e.offering.ID)
			must(t, err)
			pending := map[string]string{}
			issued := 0
			for _, c := range before {
				if c.State == pokot.CredentialPending {
					pending[c.CredentialID] = fmt.Sprint(c.StatusList, "/", c.StatusIndex)
				} else {
					issued++
				}
			}
			wantIssued := map[string]int{"reserved": 8, "signed": 8, "stored": 12}[stage]
			if issued != wantIssued || (stage != "stored" && len(pending) != 4) {
				t.Fatalf("after the crash: %d issued, %d pending", issued, len(pending))
			}
			p, err := e.db.IssueBatch(ctx, e.org.ID, b.ID)
			must(t, err)
			if p.Done != wantIssued || p.Total != 14 || p.Status != pokot.BatchRunning {
				t.Fatalf("progress after the crash %+v", p)
			}

			// Restart: while the lease runs nobody takes the job; after it, a new process does.
			restarted := e.service(nil, "restarted", 4)
			if ran, err := restarted.RunOnce(ctx); err != nil || ran {
				t.Fatalf("a leased job was taken over: %v %v", ran, err)
			}
			e.clock.Add(11 * time.Minute)
			if ran, err := restarted.RunOnce(ctx); err != nil || !ran {
				t.Fatalf("resume: %v %v", ran, err)
			}
			cs := checkExactlyOnce(t, e, e.offering, e.learners, true)
			for _, c := range cs {
				if idx, ok := pending[c.CredentialID]; ok && idx != fmt.Sprint(c.StatusList, "/", c.StatusIndex) {
					t.Fatalf("%s changed its status index", c.CredentialID)
				}
				delete(pending, c.CredentialID)
			}
			if len(pending) != 0 {
				t.Fatalf("reservations lost: %v", pending)
			}
			if used := statusUsed(t, e); used != 14 {
				t.Fatalf("%d status indices for 14 credentials", used)
			}
			p, err = e.db.IssueBatch(ctx, e.org.ID, b.ID)
			must(t, err)
			if p.Done != 14 || p.Status != pokot.BatchDone {
				t.Fatalf("progress %+v", p)
			}
		})
	}
}

// TestShutdownMidBatch cancels the worker's context after its second chunk, as serve does
// on SIGTERM: the job goes back to the queue at once and the next run finishes it.
func TestShutdownMidBatch(t *testing.T) {
	e := newEnv(t, 10)
	_, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
	must(t, err)
	c, cancel := context.WithCancel(ctx)
	s := e.service(nil, "w", 3)
	s.SetHook(func(st string, chunk int) {
		if st == "stored" && chunk == 2 {
			cancel()
		}
	})
	ran, err := s.RunOnce(c)
	if !ran || err != nil {
		t.Fatalf("interrupted run: %v %v", ran, err)
	}
	cs, err := e.db.IssuedCredentials(ctx, e.org.ID, e.offering.ID)
	must(t, err)
	if len(cs) != 6 {
		t.Fatalf("%d credentials after two chunks", len(cs))
	}
	s.SetHook(nil)
	if ran, err := s.RunOnce(ctx); !ran || err != nil {
		t.Fatalf("the job was not handed back: %v %v", ran, err)
	}
	checkExactlyOnce(t, e, e.offering, e.learners, true)
}
