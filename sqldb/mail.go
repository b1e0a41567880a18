package sqldb

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

const mailColumns = `id, to_addr, subject, text_body, html_body, status, attempts, next_attempt, last_error, created_at, sent_at`

func scanMail(s interface{ Scan(...any) error }) (*pokot.Mail, error) {
	m := &pokot.Mail{}
	err := s.Scan(&m.ID, &m.To, &m.Subject, &m.Text, &m.HTML, &m.Status, &m.Attempts,
		timeCol{&m.NextAttempt}, &m.LastError, timeCol{&m.Created}, nullTimeCol{&m.SentAt})
	return m, err
}

// QueueMail stores m with Status MailQueued (or MailOutbox when outbox is true) and sets
// ID, Status, Created and, when zero, NextAttempt. EINVALID without a recipient.
func (db *DB) QueueMail(ctx context.Context, m *pokot.Mail, outbox bool) error {
	if strings.TrimSpace(m.To) == "" {
		return pokot.FieldError("email", "err.required", "a recipient is required")
	}
	m.Status = pokot.MailQueued
	if outbox {
		m.Status = pokot.MailOutbox
	}
	m.Created = db.now().UTC().Truncate(timeUnit)
	if m.NextAttempt.IsZero() {
		m.NextAttempt = m.Created
	}
	m.NextAttempt = m.NextAttempt.UTC().Truncate(timeUnit)
	m.Attempts, m.SentAt, m.LastError = 0, nil, ""
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO mails (to_addr, subject, text_body, html_body, status, next_attempt, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		m.To, m.Subject, m.Text, m.HTML, m.Status, db.ts(m.NextAttempt), db.ts(m.Created)).Scan(&m.ID)
	return mapErr(err)
}

// ClaimMail takes up to n due queued messages for delivery, oldest due first, leasing them
// until leaseUntil and counting the attempt (Attempts includes the current one). A message
// is never handed to two claimers while its lease runs: one UPDATE claims, and on
// PostgreSQL concurrent claimers skip each other's locked rows. A lease that runs out
// (a crashed sender) makes the message due again.
func (db *DB) ClaimMail(ctx context.Context, n int, now, leaseUntil time.Time) ([]*pokot.Mail, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := db.w.QueryContext(ctx, `
		UPDATE mails SET lease_until = $1, attempts = attempts + 1
		WHERE id IN (
			SELECT id FROM mails
			WHERE status = 'queued' AND next_attempt <= $2 AND (lease_until IS NULL OR lease_until <= $2)
			ORDER BY next_attempt, id LIMIT $3`+db.skipLocked()+`)
		RETURNING `+mailColumns,
		db.ts(leaseUntil), db.ts(now), n)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ms []*pokot.Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	sort.Slice(ms, func(i, j int) bool {
		if !ms[i].NextAttempt.Equal(ms[j].NextAttempt) {
			return ms[i].NextAttempt.Before(ms[j].NextAttempt)
		}
		return ms[i].ID < ms[j].ID
	})
	return ms, nil
}

// MarkMailSent marks a message delivered. ENOTFOUND.
func (db *DB) MarkMailSent(ctx context.Context, id int64, now time.Time) error {
	res, err := db.w.ExecContext(ctx, `
		UPDATE mails SET status = 'sent', sent_at = $1, lease_until = NULL, last_error = '' WHERE id = $2`,
		db.ts(now), id)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "mail"))
}

// MarkMailRetry records a failed attempt: the message is due again at next, or becomes
// MailFailed when next is nil. ENOTFOUND.
func (db *DB) MarkMailRetry(ctx context.Context, id int64, errText string, next *time.Time) error {
	status, nextAt := pokot.MailQueued, any(nil)
	if next == nil {
		status = pokot.MailFailed
	} else {
		nextAt = db.ts(*next)
	}
	res, err := db.w.ExecContext(ctx, `
		UPDATE mails SET status = $1, last_error = $2, next_attempt = COALESCE($3, next_attempt), lease_until = NULL
		WHERE id = $4`,
		status, errText, nextAt, id)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "mail"))
}

// Outbox lists messages newest first (all statuses) with the total count; limit defaults
// to 50.
func (db *DB) Outbox(ctx context.Context, limit, offset int) ([]*pokot.Mail, int, error) {
	if limit <= 0 {
		limit = 50
	}
	if offset < 0 {
		offset = 0
	}
	var total int
	if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM mails`).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+mailColumns+` FROM mails ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
		limit, offset)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer rows.Close()
	var ms []*pokot.Mail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, 0, mapErr(err)
		}
		ms = append(ms, m)
	}
	return ms, total, mapErr(rows.Err())
}

// MailByID returns ENOTFOUND when missing.
func (db *DB) MailByID(ctx context.Context, id int64) (*pokot.Mail, error) {
	m, err := scanMail(db.r.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mails WHERE id = $1`, id))
	if err != nil {
		return nil, mapErr(noRows(err, "mail"))
	}
	return m, nil
}

// MailQueueDepth counts queued messages.
func (db *DB) MailQueueDepth(ctx context.Context) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM mails WHERE status = 'queued'`).Scan(&n)
	return n, mapErr(err)
}
