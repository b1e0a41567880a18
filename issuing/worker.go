package issuing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/pokot/pokot"
)

// Run claims and runs batch issuing jobs until ctx ends. Start it once per process in
// serve (several processes may run it on one database: a job goes to one at a time, and
// even a job taken over after an expired lease issues nothing twice).
func (s *Service) Run(ctx context.Context) error {
	for {
		ran, err := s.RunOnce(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			s.opt.Logger.Error("issuing: batch", "err", err)
		}
		if ran {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(s.opt.Poll):
		}
	}
}

// RunOnce claims one due batch job and runs it; ran is false when no job was due. A batch
// that fails is retried later with a growing delay, and marked failed after the last
// attempt; one interrupted by ctx is handed back to the queue at once. While the batch
// runs, the job's lease is renewed after every chunk and every Lease/3; a worker whose
// renewal is refused (another process took the job over after the lease ran out) stops
// after its current step and leaves the job alone: ran is true and err nil.
func (s *Service) RunOnce(ctx context.Context) (ran bool, err error) {
	now := s.opt.Now()
	job, err := s.store.ClaimJob(ctx, []string{pokot.JobIssueBatch}, s.opt.Worker, now, now.Add(s.opt.Lease))
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var p pokot.IssueJobPayload
	if err := json.Unmarshal(job.Payload, &p); err != nil || p.Batch == 0 {
		return true, s.store.FailJob(ctx, job.ID, "bad payload", nil)
	}
	l := s.hold(ctx, job)
	runErr := s.runBatch(l.ctx, p.Org, p.Batch, l.renew)
	l.stop()
	if errors.Is(context.Cause(l.ctx), errLeaseLost) {
		// Another worker has the job now: whatever we did is harmless, and the job is theirs.
		s.opt.Logger.Warn("issuing: lease lost, batch left to its new worker", "job", job.ID, "batch", p.Batch)
		return true, nil
	}
	bg := context.WithoutCancel(ctx)
	switch {
	case runErr == nil:
		return true, s.store.CompleteJob(bg, job.ID, s.opt.Now())
	case ctx.Err() != nil:
		// Shutting down: give the job back for another process (or the next start).
		t := s.opt.Now()
		return true, s.store.FailJob(bg, job.ID, "interrupted", &t)
	case job.Attempts >= s.opt.Attempts || pokot.ErrorCode(runErr) == pokot.EINVALID:
		// Nothing to gain from retrying: the POK cannot be built or we tried enough.
		if err := s.store.FinishIssueBatch(bg, p.Org, p.Batch, runErr.Error()); err != nil {
			return true, errors.Join(runErr, err)
		}
		return true, errors.Join(runErr, s.store.FailJob(bg, job.ID, runErr.Error(), nil))
	default:
		t := s.opt.Now().Add(time.Duration(job.Attempts*job.Attempts) * 30 * time.Second)
		return true, errors.Join(runErr, s.store.FailJob(bg, job.ID, runErr.Error(), &t))
	}
}

// RunBatch issues every credential of a batch that is not issued yet, chunk by chunk, and
// marks the batch done. It can be called again at any time — after a crash, a lost lease,
// or by a second worker at once — without issuing anything twice.
func (s *Service) RunBatch(ctx context.Context, orgID, batchID int64) error {
	return s.runBatch(ctx, orgID, batchID, nil)
}

// runBatch is RunBatch calling afterChunk (when not nil) after each stored chunk; an error
// from it stops the batch.
func (s *Service) runBatch(ctx context.Context, orgID, batchID int64, afterChunk func(context.Context) error) error {
	org, err := s.store.OrgByID(ctx, orgID)
	if err != nil {
		return err
	}
	var b *batchBuilder
	for chunk := 1; ; chunk++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch, cs, err := s.store.ReserveIssuance(ctx, orgID, batchID, s.opt.Chunk)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			if batch.Status == pokot.BatchDone || batch.Status == pokot.BatchFailed {
				return nil
			}
			return s.store.FinishIssueBatch(ctx, orgID, batchID, "")
		}
		s.at("reserved", chunk)
		if b == nil {
			if b, err = s.newBuilder(ctx, org, batch.OfferingID); err != nil {
				return err
			}
		}
		items, err := s.signChunk(ctx, b, cs)
		if err != nil {
			return err
		}
		s.at("signed", chunk)
		if _, err := s.store.CompleteIssuance(ctx, orgID, batchID, items, s.opt.Outbox); err != nil {
			return err
		}
		s.at("stored", chunk)
		if s.opt.AfterIssued != nil {
			if err := s.opt.AfterIssued(ctx, cs); err != nil {
				s.opt.Logger.Error("after-issue hook failed", "org", orgID, "batch", batchID, "err", err)
			}
		}
		if afterChunk != nil {
			if err := afterChunk(ctx); err != nil {
				return err
			}
		}
	}
}

// signChunk builds and signs the credentials of reservations and prepares their e-mails.
func (s *Service) signChunk(ctx context.Context, b *batchBuilder, cs []*pokot.IssuedCredential) ([]pokot.SignedIssue, error) {
	if err := s.loadPurposes(ctx, b, cs); err != nil {
		return nil, err
	}
	docs := make([]map[string]any, len(cs))
	for i, c := range cs {
		d, err := b.build(c)
		if err != nil {
			return nil, err
		}
		docs[i] = d
	}
	signed, err := s.issuer.SignBatch(ctx, b.org, docs)
	if err != nil {
		return nil, err
	}
	items := make([]pokot.SignedIssue, len(cs))
	for i, c := range cs {
		js, err := json.Marshal(signed[i])
		if err != nil {
			return nil, fmt.Errorf("issuing: encode credential: %w", err)
		}
		items[i] = pokot.SignedIssue{ID: c.ID, Signed: js, Mail: s.mail(b, c)}
	}
	return items, nil
}

func (s *Service) at(stage string, chunk int) {
	if s.hook != nil {
		s.hook(stage, chunk)
	}
}
