package mail_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/mail"
	"github.com/pokot/pokot/mail/smtptest"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

func TestRedactAddresses(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"550 5.1.1 <liisa.virtanen@example.fi>: Recipient address rejected",
			"550 5.1.1 <[address]>: Recipient address rejected"},
		{"553 sender noreply@pokot.example.fi not allowed for jöns.ärlig+kurs@exempel.se, try later",
			"553 sender [address] not allowed for [address], try later"},
		{`rcpt to "a@b": 550 user unknown`, `rcpt to "[address]": 550 user unknown`},
		{"451 4.3.0 try again later", "451 4.3.0 try again later"},
		{"dial tcp 127.0.0.1:25: connection refused", "dial tcp 127.0.0.1:25: connection refused"},
		{"", ""},
	} {
		if got := mail.RedactAddresses(c.in); got != c.want {
			t.Errorf("RedactAddresses(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWorkerLogRedactsRecipient: an SMTP server's refusal that quotes the recipient is
// logged with the reply code and text but without the address; the message's own record
// keeps the whole reply for the administrator.
func TestWorkerLogRedactsRecipient(t *testing.T) {
	db := sqldbtest.New(t)
	reply := "550 5.1.1 <liisa.virtanen@example.fi>: Recipient address rejected"
	srv := &smtptest.Server{FailData: []string{reply, reply}}
	cfg := pokot.SMTPConfig{Host: "127.0.0.1", Port: srv.Start(t), From: "noreply@pokot.example.fi", TLS: "none"}
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	queue(t, mail.NewQueue(db, cfg, nil), sampleMail())
	clk := newClock()
	w := &mail.Worker{Store: db, SMTP: cfg, Logger: logger, Now: clk.now, MaxAttempts: 2}
	for range 2 { // a retry (Warn) and the last attempt (Error)
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
		clk.advance(w.MaxBackoff + w.Backoff + 24*60*60*1e9)
	}
	out := logs.String()
	if strings.Contains(out, "liisa.virtanen") || strings.Contains(out, "example.fi>") {
		t.Errorf("the log quotes the recipient:\n%s", out)
	}
	if strings.Count(out, "Recipient address rejected") != 2 || !strings.Contains(out, "[address]") ||
		!strings.Contains(out, "will retry") || !strings.Contains(out, "giving up") {
		t.Errorf("the log lost the reply:\n%s", out)
	}
	if m := onlyMail(t, db); m.Status != pokot.MailFailed || !strings.Contains(m.LastError, "550") {
		t.Fatalf("after the refusals: %+v", m)
	}
}
