package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	netmail "net/mail"
	"os"
	"regexp"
	"time"

	"github.com/pokot/pokot"
)

// attemptTimeout bounds one delivery attempt, connection to QUIT.
const attemptTimeout = 2 * time.Minute

// Worker delivers queued messages over SMTP. Several workers (in several processes) may run
// against one database: ClaimMail leases each message to one of them.
type Worker struct {
	Store  pokot.MailService
	SMTP   pokot.SMTPConfig
	Logger *slog.Logger

	MaxAttempts int           // attempts before a message is marked failed; default 8
	Backoff     time.Duration // delay after the first failure, doubled each time; default 1 min
	MaxBackoff  time.Duration // cap of the delay; default 6 h
	Poll        time.Duration // interval between queue polls; default 5 s
	Lease       time.Duration // how long a claimed batch is reserved; default Batch × attempt timeout + 1 min
	Batch       int           // messages claimed per poll; default 10
	TLSConfig   *tls.Config   // optional: e.g. extra root CAs; ServerName defaults to SMTP.Host
	Now         func() time.Time
}

func (w *Worker) defaults() {
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 8
	}
	if w.Backoff <= 0 {
		w.Backoff = time.Minute
	}
	if w.MaxBackoff <= 0 {
		w.MaxBackoff = 6 * time.Hour
	}
	if w.Poll <= 0 {
		w.Poll = 5 * time.Second
	}
	if w.Batch <= 0 {
		w.Batch = 10
	}
	if w.Lease <= 0 {
		// Long enough for every message of the batch to time out in turn, so that no other
		// process claims a message this one is still sending.
		w.Lease = time.Duration(w.Batch)*attemptTimeout + time.Minute
	}
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Logger == nil {
		w.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// Run delivers due messages every Poll until ctx is cancelled. It returns nil on
// cancellation; delivery errors are recorded on the messages and logged, never returned.
// Without an SMTP host it returns at once: messages stay in the outbox.
func (w *Worker) Run(ctx context.Context) error {
	w.defaults()
	if w.SMTP.Host == "" {
		return nil
	}
	t := time.NewTicker(w.Poll)
	defer t.Stop()
	for {
		if _, err := w.RunOnce(ctx); err != nil && ctx.Err() == nil {
			w.Logger.Error("mail: polling the queue failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// RunOnce claims the due messages and tries each once. It returns how many were sent.
func (w *Worker) RunOnce(ctx context.Context) (sent int, err error) {
	w.defaults()
	from, err := netmail.ParseAddress(w.SMTP.From)
	if err != nil {
		return 0, fmt.Errorf("smtp from %q: %w", w.SMTP.From, err)
	}
	now := w.Now()
	msgs, err := w.Store.ClaimMail(ctx, w.Batch, now, now.Add(w.Lease))
	if err != nil {
		return 0, err
	}
	helo, _ := os.Hostname()
	if helo == "" {
		helo = "localhost"
	}
	for _, m := range msgs {
		if ctx.Err() != nil {
			return sent, ctx.Err()
		}
		if w.attempt(ctx, from, helo, m) {
			sent++
		}
	}
	return sent, nil
}

// attempt tries one delivery and records the outcome. Only the message ID goes to the log:
// addresses and bodies are personal data, and the SMTP password never leaves the dialogue.
func (w *Worker) attempt(ctx context.Context, from *netmail.Address, helo string, m *pokot.Mail) bool {
	msg, err := Build(from, m, w.Now())
	if err == nil {
		dctx, cancel := context.WithTimeout(ctx, attemptTimeout)
		err = deliver(dctx, w.SMTP, w.TLSConfig, helo, from, m.To, msg)
		cancel()
	}
	if err == nil {
		if err := w.Store.MarkMailSent(ctx, m.ID, w.Now()); err != nil {
			w.Logger.Error("mail: recording delivery failed", "mail_id", m.ID, "err", err)
		}
		w.Logger.Info("mail: sent", "mail_id", m.ID)
		return true
	}
	attempts := m.Attempts // ClaimMail counts the current attempt
	var next *time.Time
	if attempts < w.MaxAttempts && pokot.ErrorCode(err) != pokot.EINVALID {
		t := w.Now().Add(w.backoff(attempts))
		next = &t
	}
	if rerr := w.Store.MarkMailRetry(ctx, m.ID, truncate(err.Error(), 500), next); rerr != nil {
		w.Logger.Error("mail: recording the failure failed", "mail_id", m.ID, "err", rerr)
	}
	if next == nil {
		w.Logger.Error("mail: giving up", "mail_id", m.ID, "attempts", attempts, "err", RedactAddresses(err.Error()))
	} else {
		w.Logger.Warn("mail: delivery failed, will retry", "mail_id", m.ID, "attempts", attempts, "next", next.UTC().Format(time.RFC3339), "err", RedactAddresses(err.Error()))
	}
	return false
}

// backoff is the delay after the n-th failed attempt: Backoff·2^(n-1), capped at MaxBackoff.
func (w *Worker) backoff(n int) time.Duration {
	d := w.Backoff
	for i := 1; i < n && d < w.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, w.MaxBackoff)
}

// addressPattern matches an e-mail address as SMTP servers quote it in replies
// ("550 5.1.1 <x@y>: Recipient address rejected"): no spaces, brackets, quotes or
// separators around the @, any letters (internationalised addresses too).
var addressPattern = regexp.MustCompile(`[^\s<>()\[\],;:"'@]+@[^\s<>()\[\],;:"'@]+`)

// RedactAddresses replaces every e-mail address in s with "[address]" and keeps the rest
// of the text: SMTP errors quote the recipient, and the log must not hold personal data.
func RedactAddresses(s string) string {
	return addressPattern.ReplaceAllString(s, "[address]")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
