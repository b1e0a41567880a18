package pokot

import (
	"context"
	"time"
)

// Mail statuses.
const (
	MailQueued = "queued" // waiting for (another) delivery attempt
	MailSent   = "sent"
	MailFailed = "failed" // gave up after the last retry
	MailOutbox = "outbox" // no SMTP server configured: kept for an administrator to read
)

// Mail is an outgoing e-mail in the database queue.
type Mail struct {
	ID          int64
	To          string
	Subject     string
	Text        string
	HTML        string
	Status      string
	Attempts    int
	NextAttempt time.Time
	LastError   string
	Created     time.Time
	SentAt      *time.Time
}

// MailService is the durable e-mail queue.
type MailService interface {
	// QueueMail stores m with Status MailQueued (or MailOutbox when outbox is true).
	QueueMail(ctx context.Context, m *Mail, outbox bool) error
	// ClaimMail takes up to n due queued messages for delivery, leasing them until
	// leaseUntil so that other processes skip them.
	ClaimMail(ctx context.Context, n int, now, leaseUntil time.Time) ([]*Mail, error)
	// MailSent marks a message delivered.
	MarkMailSent(ctx context.Context, id int64, now time.Time) error
	// MarkMailRetry records a failed attempt; status becomes MailFailed when next is nil.
	MarkMailRetry(ctx context.Context, id int64, errText string, next *time.Time) error
	// Outbox lists messages newest first (all statuses), for the admin UI.
	Outbox(ctx context.Context, limit, offset int) ([]*Mail, int, error)
	// MailByID returns ENOTFOUND when missing.
	MailByID(ctx context.Context, id int64) (*Mail, error)
	// MailQueueDepth counts queued messages, for metrics.
	MailQueueDepth(ctx context.Context) (int, error)
}

// Mailer queues an e-mail for delivery (or for the outbox when no SMTP server is set).
type Mailer interface {
	Send(ctx context.Context, m *Mail) error
}
