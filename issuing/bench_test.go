package issuing_test

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// BenchmarkBatch issues one batch of POKOT_BENCH_LEARNERS (default 10,000) credentials:
// reserved with their status indices, built, signed, stored and their e-mails queued.
// Setting up the learners is not timed. Run with -benchtime 1x.
func BenchmarkBatch(b *testing.B) {
	n := 10000
	if s := os.Getenv("POKOT_BENCH_LEARNERS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		t0 := time.Now()
		e := newEnv(b, n)
		batch, err := e.db.StartIssueBatch(ctx, e.org.ID, e.offering.ID, e.assessor.ID)
		must(b, err)
		s := e.service(nil, "bench", 0)
		b.Logf("setup of %d learners: %v (GOMAXPROCS %d)", n, time.Since(t0).Round(time.Millisecond), runtime.GOMAXPROCS(0))
		stages := map[string]time.Duration{}
		last := time.Now()
		s.SetHook(func(stage string, chunk int) {
			now := time.Now()
			stages[stage] += now.Sub(last)
			last = now
		})
		var ru0 cpuTime
		ru0.read()
		start := time.Now()
		b.StartTimer()
		must(b, s.RunBatch(ctx, e.org.ID, batch.ID))
		b.StopTimer()
		wall := time.Since(start)
		b.Logf("wall by stage: reserve %v, build+sign %v, store+mail %v",
			stages["reserved"].Round(time.Millisecond), stages["signed"].Round(time.Millisecond), stages["stored"].Round(time.Millisecond))
		var ru1 cpuTime
		ru1.read()
		got, err := e.db.IssueBatch(ctx, e.org.ID, batch.ID)
		must(b, err)
		if got.Done != n || got.Status != pokot.BatchDone {
			b.Fatalf("progress %+v", got)
		}
		_, mails, err := e.db.Outbox(ctx, 1, 0)
		must(b, err)
		if mails != n {
			b.Fatalf("%d e-mails for %d credentials", mails, n)
		}
		b.ReportMetric(wall.Seconds(), "s/batch")
		b.ReportMetric(float64(ru1.sub(ru0).Microseconds())/float64(n), "cpu-µs/credential")
		b.Logf("%d credentials in %v wall, %v CPU of this process", n, wall.Round(time.Millisecond), ru1.sub(ru0).Round(time.Millisecond))
	}
}
