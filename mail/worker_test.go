package mail_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/mail/smtptest"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Now().UTC().Add(time.Second).Truncate(time.Second)} }
func queue(t *testing.T, q *mail.Queue, m *pokot.Mail) {
	t.Helper()
	if err := q.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

func TestWorkerDeliversOverSTARTTLS(t *testing.T) {
	db := sqldbtest.New(t)
	cert, roots := smtptest.NewCert(t)
	srv := &smtptest.Server{TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}, STARTTLS: true, Users: map[string]string{"pokot": secret}}
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: srv.Start(t), Username: "pokot", Password: secret,
		From: "POKOT – Hämeenlinna <noreply@pokot.example.fi>", TLS: "starttls"}
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	q := mail.NewQueue(db, cfg, logger)
	if q.Outbox() {
		t.Fatal("queue with an SMTP host reports outbox")
	}
	queue(t, q, sampleMail())
	w := &mail.Worker{Store: db, SMTP: cfg, Logger: logger, TLSConfig: &tls.Config{RootCAs: roots}}
	sent, err := w.RunOnce(context.Background())
	if err != nil || sent != 1 {
		t.Fatalf("RunOnce = %d, %v", sent, err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("server got %d messages", len(msgs))
	}
	checkMessage(t, msgs[0].Data, "liisa.virtanen@example.fi")
	list, _, err := db.Outbox(context.Background(), 10, 0)
	if err != nil || len(list) != 1 || list[0].Status != pokot.MailSent || list[0].SentAt == nil {
		t.Fatalf("after delivery: %+v %v", list, err)
	}
	// Nothing left to do, and nothing sent twice.
	if sent, _ := w.RunOnce(context.Background()); sent != 0 || len(srv.Messages()) != 1 {
		t.Fatal("message delivered twice")
	}
	for _, bad := range []string{secret, "Hyvää", "liisa.virtanen"} {
		if strings.Contains(logs.String(), bad) {
			t.Errorf("log contains %q:\n%s", bad, logs.String())
		}
	}
}

func TestWorkerRetriesTemporaryFailure(t *testing.T) {
	db := sqldbtest.New(t)
	srv := &smtptest.Server{FailData: []string{"451 4.3.0 try again later"}}
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: srv.Start(t), From: "noreply@pokot.example.fi", TLS: "none"}
	clk := newClock()
	q := mail.NewQueue(db, cfg, nil)
	queue(t, q, sampleMail())
	w := &mail.Worker{Store: db, SMTP: cfg, Now: clk.now, Backoff: time.Minute}
	ctx := context.Background()
	if sent, err := w.RunOnce(ctx); err != nil || sent != 0 {
		t.Fatalf("first attempt: sent %d, %v", sent, err)
	}
	m := onlyMail(t, db)
	if m.Status != pokot.MailQueued || m.Attempts != 1 || !strings.Contains(m.LastError, "451") || !m.NextAttempt.Equal(clk.t.Add(time.Minute)) {
		t.Fatalf("after 451: %+v", m)
	}
	// Not due yet: the backoff is respected.
	clk.advance(30 * time.Second)
	if sent, _ := w.RunOnce(ctx); sent != 0 {
		t.Fatal("retried before the backoff ran out")
	}
	clk.advance(31 * time.Second)
	if sent, err := w.RunOnce(ctx); err != nil || sent != 1 {
		t.Fatalf("retry: sent %d, %v", sent, err)
	}
	if m := onlyMail(t, db); m.Status != pokot.MailSent || m.Attempts != 2 {
		t.Fatalf("after retry: %+v", m)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("server has %d messages", n)
	}
}

func TestWorkerGivesUpAfterMaxAttempts(t *testing.T) {
	db := sqldbtest.New(t)
	reject := []string{}
	for range 10 {
		reject = append(reject, "550 5.1.1 no such user")
	}
	srv := &smtptest.Server{FailData: reject}
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: srv.Start(t), From: "noreply@pokot.example.fi", TLS: "none"}
	clk := newClock()
	queue(t, mail.NewQueue(db, cfg, nil), sampleMail())
	w := &mail.Worker{Store: db, SMTP: cfg, Now: clk.now, MaxAttempts: 3, Backoff: time.Minute}
	var delays []time.Duration
	for i := 0; i < 3; i++ {
		before := clk.t
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		m := onlyMail(t, db)
		if m.Attempts != i+1 {
			t.Fatalf("attempt %d: attempts = %d", i+1, m.Attempts)
		}
		if i < 2 {
			if m.Status != pokot.MailQueued {
				t.Fatalf("attempt %d: status %s", i+1, m.Status)
			}
			delays = append(delays, m.NextAttempt.Sub(before))
			clk.t = m.NextAttempt
		} else if m.Status != pokot.MailFailed || !strings.Contains(m.LastError, "550") {
			t.Fatalf("after the last attempt: %+v", m)
		}
	}
	if delays[0] != time.Minute || delays[1] != 2*time.Minute {
		t.Fatalf("backoff delays %v, want [1m 2m]", delays)
	}
	clk.advance(24 * time.Hour)
	before := len(srv.Commands())
	if sent, _ := w.RunOnce(context.Background()); sent != 0 || len(srv.Commands()) != before {
		t.Fatal("a failed message was tried again")
	}
}

func TestNoSMTPGoesToOutbox(t *testing.T) {
	db := sqldbtest.New(t)
	var logs bytes.Buffer
	q := mail.NewQueue(db, pokot.SMTPConfig{}, slog.New(slog.NewTextHandler(&logs, nil)))
	if !q.Outbox() || !strings.Contains(logs.String(), "no SMTP server configured: e-mail goes to the outbox at /admin/outbox") {
		t.Fatalf("outbox %v, log %q", q.Outbox(), logs.String())
	}
	queue(t, q, sampleMail())
	if m := onlyMail(t, db); m.Status != pokot.MailOutbox || m.To != "liisa.virtanen@example.fi" || m.Subject != finnish {
		t.Fatalf("%+v", m)
	}
	// The worker has nothing to deliver to and returns at once.
	w := &mail.Worker{Store: db, Poll: time.Millisecond}
	if err := w.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if depth, _ := db.MailQueueDepth(context.Background()); depth != 0 {
		t.Fatalf("queue depth %d", depth)
	}
}

func TestQueueRejectsBadMail(t *testing.T) {
	db := sqldbtest.New(t)
	q := mail.NewQueue(db, pokot.SMTPConfig{}, nil)
	m := sampleMail()
	m.Subject = "x\r\nBcc: a@example.fi"
	if err := q.Send(context.Background(), m); pokot.ErrorCode(err) != pokot.EINVALID {
		t.Fatalf("got %v", err)
	}
	if _, n, _ := db.Outbox(context.Background(), 10, 0); n != 0 {
		t.Fatalf("%d messages stored", n)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	db := sqldbtest.New(t)
	srv := &smtptest.Server{}
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: srv.Start(t), From: "noreply@pokot.example.fi", TLS: "none"}
	queue(t, mail.NewQueue(db, cfg, nil), sampleMail())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- (&mail.Worker{Store: db, SMTP: cfg, Poll: 10 * time.Millisecond}).Run(ctx) }()
	// The first poll delivers; then cancellation must end Run.
	for deadline := time.Now().Add(10 * time.Second); len(srv.Messages()) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("Run did not deliver")
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func onlyMail(t *testing.T, db interface {
	Outbox(context.Context, int, int) ([]*pokot.Mail, int, error)
}) *pokot.Mail {
	t.Helper()
	list, n, err := db.Outbox(context.Background(), 10, 0)
	if err != nil || n != 1 || len(list) != 1 {
		t.Fatalf("outbox: %d messages, %v", n, err)
	}
	return list[0]
}
