// Package mail sends the platform's e-mail: Queue validates and stores messages in the
// database queue (pokot.Mailer), and Worker delivers them over SMTP with retries. Without an
// SMTP server the messages stay in the outbox, which administrators read in the UI.
package mail

import (
	"context"
	"log/slog"

	"github.com/pokot/pokot"
)

// Queue is the pokot.Mailer of the platform: it validates a message and stores it in the
// database queue, or in the outbox when no SMTP server is configured.
type Queue struct {
	store  pokot.MailService
	outbox bool
}

// NewQueue returns a Queue that stores into store. Without an SMTP host in cfg it logs once
// that mail goes to the outbox.
func NewQueue(store pokot.MailService, cfg pokot.SMTPConfig, logger *slog.Logger) *Queue {
	q := &Queue{store: store, outbox: cfg.Host == ""}
	if q.outbox && logger != nil {
		logger.Info("no SMTP server configured: e-mail goes to the outbox at /admin/outbox")
	}
	return q
}

// Outbox reports whether messages are kept in the outbox instead of being sent.
func (q *Queue) Outbox() bool { return q.outbox }

// Send validates m and queues it. EINVALID for a bad recipient, subject or body.
func (q *Queue) Send(ctx context.Context, m *pokot.Mail) error {
	if err := Validate(m); err != nil {
		return err
	}
	return q.store.QueueMail(ctx, m, q.outbox)
}
