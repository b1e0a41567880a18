package issuing

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/pokot/pokot"
)

// errLeaseLost is the cause of a batch's context when another worker took the job over.
var errLeaseLost = errors.New("issuing: the job's lease was lost to another worker")

// lease keeps a claimed job's lease alive while its batch runs: renew is called after each
// chunk, and a goroutine renews every Lease/3 (at least every second) for chunks slower
// than that. When the queue refuses a renewal because the job is no longer this worker's,
// ctx is cancelled with errLeaseLost and the batch stops after its current step.
type lease struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	s      *Service
	job    *pokot.Job
	mu     sync.Mutex // one renewal at a time
	done   chan struct{}
	wg     sync.WaitGroup
}

// hold starts renewing job's lease; call stop when the batch returns.
func (s *Service) hold(ctx context.Context, job *pokot.Job) *lease {
	c, cancel := context.WithCancelCause(ctx)
	l := &lease{ctx: c, cancel: cancel, s: s, job: job, done: make(chan struct{})}
	every := max(s.opt.Lease/3, time.Second)
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-l.done:
				return
			case <-c.Done():
				return
			case <-t.C:
				l.renew(c)
			}
		}
	}()
	return l
}

// renew extends the lease to now + Lease. It returns errLeaseLost (and cancels the batch)
// when the job is no longer ours. A renewal that fails for another reason (the database
// briefly away) is logged and does not stop the batch: the next one may succeed within the
// lease, and if it comes too late the queue refuses it and the batch stops then.
func (l *lease) renew(ctx context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if context.Cause(l.ctx) == errLeaseLost {
		return errLeaseLost
	}
	err := l.s.store.RenewJob(ctx, l.job.ID, l.s.opt.Worker, l.s.opt.Now().Add(l.s.opt.Lease))
	switch pokot.ErrorCode(err) {
	case "":
		return nil
	case pokot.ECONFLICT, pokot.ENOTFOUND:
		l.cancel(errLeaseLost)
		return errLeaseLost
	}
	if ctx.Err() == nil {
		l.s.opt.Logger.Warn("issuing: renew lease", "job", l.job.ID, "err", err)
	}
	return nil
}

// stop ends the renewals and releases the batch's context; its cause stays errLeaseLost
// when the lease was lost.
func (l *lease) stop() {
	close(l.done)
	l.wg.Wait()
	l.cancel(nil)
}
