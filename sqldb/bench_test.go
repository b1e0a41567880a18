package sqldb_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// BenchmarkSessionByToken measures the per-request session look-up (one UPDATE … RETURNING).
func BenchmarkSessionByToken(b *testing.B) {
	db := sqldbtest.New(b)
	u := &pokot.User{Email: "bench@example.fi"}
	if err := db.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	tok, _, err := db.CreateSession(ctx, u.ID, time.Now().Add(time.Hour))
	if err != nil {
		b.Fatal(err)
	}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := db.SessionByToken(ctx, tok, time.Now()); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkHit measures throttle counting from parallel goroutines on a few keys.
func BenchmarkHit(b *testing.B) {
	db := sqldbtest.New(b)
	var n atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		key := fmt.Sprintf("ip:%d", n.Add(1))
		for pb.Next() {
			if _, err := db.Hit(ctx, key, 1000, time.Minute, time.Now()); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkUserByID measures a plain read.
func BenchmarkUserByID(b *testing.B) {
	db := sqldbtest.New(b)
	u := &pokot.User{Email: "bench@example.fi"}
	if err := db.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := db.UserByID(ctx, u.ID); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkEnqueueClaimCompleteJob measures one trip of a job through the queue.
func BenchmarkEnqueueClaimCompleteJob(b *testing.B) {
	db := sqldbtest.New(b)
	for b.Loop() {
		now := time.Now()
		if err := db.EnqueueJob(ctx, &pokot.Job{Kind: "bench", RunAt: now}); err != nil {
			b.Fatal(err)
		}
		j, err := db.ClaimJob(ctx, []string{"bench"}, "w", now, now.Add(time.Minute))
		if err != nil {
			b.Fatal(err)
		}
		if err := db.CompleteJob(ctx, j.ID, now); err != nil {
			b.Fatal(err)
		}
	}
}
