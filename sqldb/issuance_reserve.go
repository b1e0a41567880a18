package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// The batch issuing worker's side of the store. Exactly once rests on three things:
// issued_credentials is UNIQUE (offering_id, email), so a learner can never hold two rows
// for an offering; a row is reserved — its credential id, salt and revocation status index
// fixed — in the same transaction that allocates that index, so a crash leaves either
// nothing or a complete reservation; and a reservation becomes issued only by an UPDATE
// … WHERE state = 'pending' in the transaction that also queues its e-mail, so of two
// workers signing the same reservation (an expired lease), one stores and mails, the
// other changes nothing.

// issuedPerInsert bounds the rows of one INSERT of reservations (16 parameters each).
// SQLite looks parameter names up linearly, so preparing a statement costs the square of
// its parameters: 32 rows (512 parameters) per statement keeps that negligible.
const issuedPerInsert = 32

// ReserveIssuance marks a batch running and returns up to n reservations to sign: first
// those of the offering left pending by an earlier attempt (a crash, a lost lease), then
// new ones for learners who passed every outcome and hold no credential, whose status
// indices (in the two-bit message lists) are allocated in the same transaction. It refreshes the batch's Total.
// An empty list means the batch has nothing left. ENOTFOUND for an unknown batch.
func (db *DB) ReserveIssuance(ctx context.Context, orgID, batchID int64, n int) (*pokot.IssueBatch, []*pokot.IssuedCredential, error) {
	var b *pokot.IssueBatch
	var out []*pokot.IssuedCredential
	var err error
	for try := 0; try < allocRetries; try++ {
		err = db.tx(ctx, func(tx *sql.Tx) error {
			b, out, err = db.reserve(ctx, tx, orgID, batchID, n)
			return err
		})
		if pokot.ErrorCode(err) != pokot.ECONFLICT {
			break
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return b, out, nil
}

func (db *DB) reserve(ctx context.Context, tx *sql.Tx, orgID, batchID int64, n int) (*pokot.IssueBatch, []*pokot.IssuedCredential, error) {
	b, err := scanBatch(tx.QueryRowContext(ctx, `SELECT `+batchColumns+` FROM issue_batches b WHERE b.org_id = $1 AND b.id = $2`, orgID, batchID))
	if err != nil {
		return nil, nil, noRows(err, "batch")
	}
	if b.Status == pokot.BatchDone || b.Status == pokot.BatchFailed {
		return b, nil, nil
	}
	ac, err := db.assessContext(ctx, tx, orgID, b.OfferingID, 0, true)
	if err != nil {
		return nil, nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+issuedColumns+` FROM issued_credentials i
		WHERE i.offering_id = $1 AND i.state = 'pending' ORDER BY i.id LIMIT $2`, b.OfferingID, n)
	if err != nil {
		return nil, nil, err
	}
	var out []*pokot.IssuedCredential
	for rows.Next() {
		c, err := scanIssued(rows)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	outcomes := len(ac.c.Outcomes)
	if k := n - len(out); k > 0 && outcomes > 0 {
		fresh, err := db.reserveNew(ctx, tx, b, ac, k)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, fresh...)
	}
	var pending int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM issued_credentials WHERE offering_id = $1 AND state = 'pending'`, b.OfferingID).Scan(&pending); err != nil {
		return nil, nil, err
	}
	// Counting who is left scans the offering, so it is done when the batch starts and
	// when it runs dry, not for every chunk.
	if b.Status == pokot.BatchQueued || len(out) < n {
		left, err := db.countEligible(ctx, tx, b.OfferingID, outcomes)
		if err != nil {
			return nil, nil, err
		}
		b.Total = b.Done + pending + left
	}
	b.Total, b.Status = max(b.Total, b.Done+pending), pokot.BatchRunning
	_, err = tx.ExecContext(ctx, `UPDATE issue_batches SET total = $1, status = 'running' WHERE id = $2`, b.Total, b.ID)
	return b, out, err
}

// reserveNew reserves credentials for up to k eligible learners.
func (db *DB) reserveNew(ctx context.Context, tx *sql.Tx, b *pokot.IssueBatch, ac *assessCtx, k int) ([]*pokot.IssuedCredential, error) {
	outcomes := len(ac.c.Outcomes)
	now := db.now().UTC().Truncate(time.Second)
	var out []*pokot.IssuedCredential
	byReg := map[int64]*pokot.IssuedCredential{}
	// Learners are reserved in registration order, so the next ones are found after the
	// last reserved registration without rescanning the offering from its start; only when
	// that runs dry are the earlier ones looked at again (someone who passed later).
	var after int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(registration_id), 0) FROM issued_credentials WHERE offering_id = $1`,
		b.OfferingID).Scan(&after); err != nil {
		return nil, err
	}
	for _, part := range []string{`r.id > $3`, `r.id <= $3`} {
		if len(out) >= k {
			break
		}
		rows, err := tx.QueryContext(ctx, `SELECT r.id, r.email, r.name, r.lang FROM registrations r WHERE `+eligibleWhere+`
			AND `+part+` ORDER BY r.id LIMIT $4`, b.OfferingID, outcomes, after, k-len(out))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			c := &pokot.IssuedCredential{OrgID: b.OrgID, OfferingID: b.OfferingID, BatchID: b.ID, State: pokot.CredentialPending, Reserved: now}
			if err := rows.Scan(&c.RegistrationID, &c.Email, &c.Name, (*string)(&c.Lang)); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, c)
			byReg[c.RegistrationID] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	// The results of the chosen learners, for their grade and assessment date.
	results := map[int64][]string{}
	var q strings.Builder
	args := []any{b.OfferingID, outcomes}
	q.WriteString(`SELECT registration_id, result, assessed_on FROM assessments WHERE offering_id = $1 AND outcome < $2 AND registration_id IN (`)
	for i, c := range out {
		if i > 0 {
			q.WriteString(", ")
		}
		args = append(args, c.RegistrationID)
		fmt.Fprintf(&q, "$%d", len(args))
	}
	q.WriteString(`)`)
	ar, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, err
	}
	for ar.Next() {
		var reg int64
		var res, on string
		if err := ar.Scan(&reg, &res, &on); err != nil {
			ar.Close()
			return nil, err
		}
		results[reg] = append(results[reg], res)
		if c := byReg[reg]; c != nil {
			if d, err := time.Parse(dateLayout, on); err == nil && d.After(c.AssessedOn) {
				c.AssessedOn = d
			}
		}
	}
	ar.Close()
	if err := ar.Err(); err != nil {
		return nil, err
	}
	ids := make([]string, len(out))
	for i, c := range out {
		c.Grade, _ = pokot.OverallGrade(ac.c.Grading, results[c.RegistrationID], outcomes)
		c.CredentialID = newCredentialID()
		c.Salt = newSalt()
		c.IdentityHash = credential.IdentityHash(c.Email, c.Salt)
		ids[i] = c.CredentialID
	}
	entries := make([]*pokot.StatusEntry, len(ids))
	for done := 0; done < len(ids); {
		// Open Badges carry one two-bit message entry (valid, suspended, revoked).
		m, err := db.allocate(ctx, tx, b.OrgID, pokot.StatusMessage, ids[done:], entries[done:], minStatusListSize, now)
		if err != nil {
			return nil, err
		}
		done += m
	}
	for i, c := range out {
		c.StatusList, c.StatusIndex = entries[i].List, entries[i].Index
	}
	return out, db.insertReservations(ctx, tx, out)
}

// insertReservations inserts pending rows many per statement and sets their IDs.
func (db *DB) insertReservations(ctx context.Context, tx *sql.Tx, cs []*pokot.IssuedCredential) error {
	for start := 0; start < len(cs); start += issuedPerInsert {
		end := min(start+issuedPerInsert, len(cs))
		var q strings.Builder
		q.WriteString(`INSERT INTO issued_credentials (org_id, offering_id, registration_id, batch_id, email, name, lang,
			credential_id, identity_hash, salt, grade, assessed_on, status_list, status_idx, state, reserved_at) VALUES `)
		var args []any
		for i := start; i < end; i++ {
			c := cs[i]
			if i > start {
				q.WriteString(", ")
			}
			q.WriteString("(")
			for j := 0; j < 16; j++ {
				if j > 0 {
					q.WriteString(", ")
				}
				fmt.Fprintf(&q, "$%d", len(args)+j+1)
			}
			q.WriteString(")")
			on := ""
			if !c.AssessedOn.IsZero() {
				on = c.AssessedOn.Format(dateLayout)
			}
			args = append(args, c.OrgID, c.OfferingID, c.RegistrationID, c.BatchID, c.Email, c.Name, string(c.Lang),
				c.CredentialID, c.IdentityHash, c.Salt, c.Grade, on, c.StatusList, c.StatusIndex, c.State, db.ts(c.Reserved))
		}
		q.WriteString(` RETURNING id, credential_id`)
		rows, err := tx.QueryContext(ctx, q.String(), args...)
		if err != nil {
			return err
		}
		ids := map[string]int64{}
		for rows.Next() {
			var id int64
			var cid string
			if err := rows.Scan(&id, &cid); err != nil {
				rows.Close()
				return err
			}
			ids[cid] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range cs[start:end] {
			c.ID = ids[c.CredentialID]
		}
	}
	return nil
}

// CompleteIssuance stores signed credentials of reservations and queues their e-mails (as
// outbox messages when outbox is true) in one transaction, counting them as done in the
// batch. A reservation already issued (by another worker) is left alone and its e-mail not
// queued. It returns how many were stored. Rows go many per statement: on PostgreSQL a
// chunk of 500 is a few dozen round trips instead of a thousand.
func (db *DB) CompleteIssuance(ctx context.Context, orgID, batchID int64, items []pokot.SignedIssue, outbox bool) (int, error) {
	stored := 0
	err := db.tx(ctx, func(tx *sql.Tx) error {
		stored = 0
		now := db.now().UTC().Truncate(timeUnit)
		for start := 0; start < len(items); start += issuedPerInsert {
			part := items[start:min(start+issuedPerInsert, len(items))]
			won, err := db.markIssued(ctx, tx, orgID, part, now)
			if err != nil {
				return err
			}
			var mails []*pokot.Mail
			for _, it := range part {
				if won[it.ID] && it.Mail != nil {
					mails = append(mails, it.Mail)
				}
			}
			if err := db.insertMails(ctx, tx, mails, outbox, now); err != nil {
				return err
			}
			stored += len(won)
		}
		_, err := tx.ExecContext(ctx, `UPDATE issue_batches SET done = done + $1 WHERE org_id = $2 AND id = $3`, stored, orgID, batchID)
		return err
	})
	return stored, err
}

// markIssued turns the pending reservations of items into issued credentials in one
// statement and reports which it changed.
func (db *DB) markIssued(ctx context.Context, tx *sql.Tx, orgID int64, items []pokot.SignedIssue, now time.Time) (map[int64]bool, error) {
	var q strings.Builder
	q.WriteString(`WITH v (id, signed) AS (VALUES `)
	args := []any{}
	for i, it := range items {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "(CAST($%d AS BIGINT), CAST($%d AS TEXT))", len(args)+1, len(args)+2)
		args = append(args, it.ID, string(it.Signed))
	}
	fmt.Fprintf(&q, `) UPDATE issued_credentials SET state = 'issued', signed = v.signed, issued_at = $%d
		FROM v WHERE issued_credentials.id = v.id AND issued_credentials.org_id = $%d AND issued_credentials.state = 'pending'
		RETURNING issued_credentials.id`, len(args)+1, len(args)+2)
	args = append(args, db.ts(now), orgID)
	rows, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	won := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		won[id] = true
	}
	return won, rows.Err()
}

// insertMails queues messages many per statement and sets their ID, Status and times.
func (db *DB) insertMails(ctx context.Context, tx *sql.Tx, ms []*pokot.Mail, outbox bool, now time.Time) error {
	if len(ms) == 0 {
		return nil
	}
	status := pokot.MailQueued
	if outbox {
		status = pokot.MailOutbox
	}
	var q strings.Builder
	q.WriteString(`INSERT INTO mails (status, next_attempt, created_at, to_addr, subject, text_body, html_body) VALUES `)
	args := []any{status, db.ts(now)}
	for i, m := range ms {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "($1, $2, $2, $%d, $%d, $%d, $%d)", len(args)+1, len(args)+2, len(args)+3, len(args)+4)
		args = append(args, m.To, m.Subject, m.Text, m.HTML)
		m.Status, m.Created, m.NextAttempt = status, now, now
	}
	q.WriteString(` RETURNING id`)
	rows, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for i := 0; rows.Next(); i++ {
		if err := rows.Scan(&ms[i].ID); err != nil {
			return err
		}
	}
	return rows.Err()
}

// FinishIssueBatch marks a batch done, or failed with errText (the learners not issued
// counted as failed). ENOTFOUND.
func (db *DB) FinishIssueBatch(ctx context.Context, orgID, batchID int64, errText string) error {
	status, failed := pokot.BatchDone, "0"
	if errText != "" {
		status, failed = pokot.BatchFailed, "total - done"
	}
	res, err := db.w.ExecContext(ctx, `UPDATE issue_batches SET status = $1, failed = `+failed+`, last_error = $2, finished_at = $3
		WHERE org_id = $4 AND id = $5`, status, errText, db.ts(db.now()), orgID, batchID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "batch"))
}

func newCredentialID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func newSalt() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
