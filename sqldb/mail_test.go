package sqldb_test

import (
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestMailQueue(t *testing.T) {
	t.Parallel()
	db := sqldbtest.New(t)
	m := &pokot.Mail{To: "a@example.fi", Subject: "Tervetuloa", Text: "Hei!", HTML: "<p>Hei!</p>", NextAttempt: t0}
	must(t, db.QueueMail(ctx, m, false))
	if m.ID == 0 || m.Status != pokot.MailQueued || m.Created.IsZero() {
		t.Fatalf("after QueueMail: %+v", m)
	}
	later := &pokot.Mail{To: "b@example.fi", Subject: "Later", Text: "x", NextAttempt: t0.Add(time.Hour)}
	must(t, db.QueueMail(ctx, later, false))
	box := &pokot.Mail{To: "c@example.fi", Subject: "Outbox", Text: "x"}
	must(t, db.QueueMail(ctx, box, true))
	if box.Status != pokot.MailOutbox {
		t.Fatalf("outbox status %q", box.Status)
	}
	wantCode(t, db.QueueMail(ctx, &pokot.Mail{To: " "}, false), pokot.EINVALID)
	if n, _ := db.MailQueueDepth(ctx); n != 2 {
		t.Fatalf("MailQueueDepth = %d, want 2", n)
	}

	lease := t0.Add(time.Minute)
	got, err := db.ClaimMail(ctx, 10, t0, lease)
	must(t, err)
	if len(got) != 1 || got[0].ID != m.ID || got[0].Attempts != 1 || got[0].HTML != "<p>Hei!</p>" || got[0].Subject != "Tervetuloa" {
		t.Fatalf("ClaimMail = %+v", got)
	}
	// Leased: nobody else gets it until the lease runs out.
	if again, _ := db.ClaimMail(ctx, 10, t0.Add(30*time.Second), t0.Add(2*time.Minute)); len(again) != 0 {
		t.Fatalf("leased message claimed again: %+v", again)
	}
	// A sender that crashed: after the lease the message is due again.
	again, err := db.ClaimMail(ctx, 10, lease, lease.Add(time.Minute))
	must(t, err)
	if len(again) != 1 || again[0].ID != m.ID || again[0].Attempts != 2 {
		t.Fatalf("after lease: %+v", again)
	}
	next := t0.Add(10 * time.Minute)
	must(t, db.MarkMailRetry(ctx, m.ID, "421 try later", &next))
	if got, _ := db.ClaimMail(ctx, 10, next.Add(-time.Second), next.Add(time.Hour)); len(got) != 0 {
		t.Fatalf("claimed before its retry time: %+v", got)
	}
	got, err = db.ClaimMail(ctx, 10, next.Add(time.Hour), next.Add(2*time.Hour))
	must(t, err)
	if len(got) != 2 || got[0].ID != m.ID || got[1].ID != later.ID || got[0].LastError != "421 try later" || got[0].Attempts != 3 {
		t.Fatalf("ClaimMail after retry = %+v", got)
	}
	must(t, db.MarkMailSent(ctx, m.ID, next))
	must(t, db.MarkMailRetry(ctx, later.ID, "550 no such user", nil))
	if got, _ := db.ClaimMail(ctx, 10, next.Add(24*time.Hour), next.Add(25*time.Hour)); len(got) != 0 {
		t.Fatalf("sent or failed mail claimed: %+v", got)
	}
	sent, err := db.MailByID(ctx, m.ID)
	must(t, err)
	if sent.Status != pokot.MailSent || sent.SentAt == nil || !sent.SentAt.Equal(us(next)) || sent.LastError != "" {
		t.Fatalf("sent mail: %+v", sent)
	}
	failed, _ := db.MailByID(ctx, later.ID)
	if failed.Status != pokot.MailFailed || failed.LastError != "550 no such user" {
		t.Fatalf("failed mail: %+v", failed)
	}
	if n, _ := db.MailQueueDepth(ctx); n != 0 {
		t.Fatalf("MailQueueDepth = %d, want 0", n)
	}

	list, total, err := db.Outbox(ctx, 2, 0)
	must(t, err)
	if total != 3 || len(list) != 2 || list[0].ID != box.ID || list[1].ID != later.ID {
		t.Fatalf("Outbox page 1 = %d, %+v", total, list)
	}
	list, _, _ = db.Outbox(ctx, 2, 2)
	if len(list) != 1 || list[0].ID != m.ID {
		t.Fatalf("Outbox page 2 = %+v", list)
	}
	if got, _ := db.ClaimMail(ctx, 0, t0, lease); len(got) != 0 {
		t.Fatalf("ClaimMail(0) = %+v", got)
	}
	wantCode(t, second(db.MailByID(ctx, 9999)), pokot.ENOTFOUND, "err.not_found")
	wantCode(t, db.MarkMailSent(ctx, 9999, t0), pokot.ENOTFOUND)
	wantCode(t, db.MarkMailRetry(ctx, 9999, "x", nil), pokot.ENOTFOUND)
}

// TestClaimMailConcurrent claims from several goroutines through two handles on one
// database, as several processes would, and checks that no message is handed out twice
// and none is lost.
func TestClaimMailConcurrent(t *testing.T) {
	t.Parallel()
	dbs := openTwice(t)
	const total = 200
	for i := 0; i < total; i++ {
		must(t, dbs[0].QueueMail(ctx, &pokot.Mail{To: "x@example.fi", Subject: "s", Text: "t", NextAttempt: t0}, false))
	}
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		db := dbs[w%2]
		go func() {
			defer wg.Done()
			for {
				ms, err := db.ClaimMail(ctx, 3, t0, t0.Add(time.Hour))
				if err != nil {
					t.Error(err)
					return
				}
				if len(ms) == 0 {
					return
				}
				mu.Lock()
				for _, m := range ms {
					seen[m.ID]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != total {
		t.Fatalf("%d distinct messages claimed, want %d", len(seen), total)
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("message %d claimed %d times", id, n)
		}
	}
}
