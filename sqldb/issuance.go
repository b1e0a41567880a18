package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/pokot/pokot"
)

const batchColumns = `b.id, b.org_id, b.offering_id, b.job_id, b.total, b.done, b.failed, b.status, b.last_error,
	COALESCE(b.created_by, 0), b.created_at, b.finished_at`

func scanBatch(s interface{ Scan(...any) error }) (*pokot.IssueBatch, error) {
	b := &pokot.IssueBatch{}
	err := s.Scan(&b.ID, &b.OrgID, &b.OfferingID, &b.JobID, &b.Total, &b.Done, &b.Failed, &b.Status, &b.LastError,
		&b.CreatedBy, timeCol{&b.Created}, nullTimeCol{&b.FinishedAt})
	return b, err
}

const issuedColumns = `i.id, i.org_id, i.offering_id, COALESCE(i.registration_id, 0), COALESCE(i.batch_id, 0), i.email, i.name,
	i.lang, i.credential_id, i.identity_hash, i.salt, i.grade, i.assessed_on, i.status_list, i.status_idx, i.state,
	i.signed, i.reserved_at, i.issued_at, i.revoked_at, i.suspended_at, i.status_reason`

func scanIssued(s interface{ Scan(...any) error }) (*pokot.IssuedCredential, error) {
	c := &pokot.IssuedCredential{}
	var on string
	var signed sql.NullString
	err := s.Scan(&c.ID, &c.OrgID, &c.OfferingID, &c.RegistrationID, &c.BatchID, &c.Email, &c.Name, (*string)(&c.Lang),
		&c.CredentialID, &c.IdentityHash, &c.Salt, &c.Grade, &on, &c.StatusList, &c.StatusIndex, &c.State, &signed,
		timeCol{&c.Reserved}, nullTimeCol{&c.IssuedAt}, nullTimeCol{&c.RevokedAt}, nullTimeCol{&c.SuspendedAt}, &c.StatusReason)
	if err != nil {
		return nil, err
	}
	c.AssessedOn, _ = time.Parse(dateLayout, on)
	if signed.Valid {
		c.Signed = []byte(signed.String)
	}
	return c, nil
}

// eligibleWhere selects the seats of offering $1 that passed each of the $2 outcomes and
// have no credential (issued or reserved) for the offering yet. The credentials are
// excluded by NOT IN over the offering's e-mails (never NULL), which both engines run
// once per statement (PostgreSQL as a hashed subplan): a correlated NOT EXISTS let
// PostgreSQL, with statistics from before a batch had grown the table, probe the
// (offering_id, state) index and filter the offering's credentials by e-mail for every
// registration — quadratic in the batch (668 ms for one count at 3,000 learners).
const eligibleWhere = `r.offering_id = $1 AND r.status = 'registered'
	AND (SELECT COUNT(*) FROM assessments a WHERE a.registration_id = r.id AND a.passed AND a.outcome < $2) = $2
	AND r.email NOT IN (SELECT i.email FROM issued_credentials i WHERE i.offering_id = $1)`

// countEligible counts the learners of an offering waiting for a credential.
func (db *DB) countEligible(ctx context.Context, q querier, offeringID int64, outcomes int) (int, error) {
	if outcomes == 0 {
		return 0, nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM registrations r WHERE `+eligibleWhere, offeringID, outcomes).Scan(&n)
	return n, err
}

// StartIssueBatch implements pokot.IssuanceService.
func (db *DB) StartIssueBatch(ctx context.Context, orgID, offeringID, userID int64) (*pokot.IssueBatch, error) {
	var b *pokot.IssueBatch
	err := db.tx(ctx, func(tx *sql.Tx) error {
		ac, err := db.assessContext(ctx, tx, orgID, offeringID, userID, true)
		if pokot.ErrorCode(err) == pokot.EFORBIDDEN {
			return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.issue.forbidden", Message: "only the offering's assessors may issue its credentials"}
		}
		if err != nil {
			return err
		}
		b, err = db.startBatch(ctx, tx, ac, userID)
		return err
	})
	return b, err
}

// startBatch creates a batch and its job for the offering of ac (locked by the caller).
func (db *DB) startBatch(ctx context.Context, tx *sql.Tx, ac *assessCtx, userID int64) (*pokot.IssueBatch, error) {
	var running int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM issue_batches WHERE offering_id = $1 AND status IN ('queued', 'running')`,
		ac.o.ID).Scan(&running); err != nil {
		return nil, err
	}
	if running > 0 {
		return nil, &pokot.Error{Code: pokot.ECONFLICT, Key: "err.issue.batch_running", Message: "a batch of this offering is already being issued"}
	}
	n, err := db.countEligible(ctx, tx, ac.o.ID, len(ac.c.Outcomes))
	if err != nil {
		return nil, err
	}
	var pending int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM issued_credentials WHERE offering_id = $1 AND state = 'pending'`,
		ac.o.ID).Scan(&pending); err != nil {
		return nil, err
	}
	if n+pending == 0 {
		return nil, &pokot.Error{Code: pokot.EINVALID, Key: "err.issue.none_eligible", Message: "no learner has passed every learning outcome without a credential yet"}
	}
	now := db.now().UTC().Truncate(timeUnit)
	b := &pokot.IssueBatch{OrgID: ac.o.OrgID, OfferingID: ac.o.ID, Total: n + pending, Status: pokot.BatchQueued, CreatedBy: userID, Created: now}
	var by any
	if userID != 0 {
		by = userID
	}
	if err := tx.QueryRowContext(ctx, `
		INSERT INTO issue_batches (org_id, offering_id, total, status, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		b.OrgID, b.OfferingID, b.Total, b.Status, by, db.ts(now)).Scan(&b.ID); err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(pokot.IssueJobPayload{Org: b.OrgID, Batch: b.ID})
	if err := tx.QueryRowContext(ctx, `
		INSERT INTO jobs (kind, payload, status, run_at, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		pokot.JobIssueBatch, payload, pokot.JobQueued, db.ts(now), db.ts(now)).Scan(&b.JobID); err != nil {
		return nil, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE issue_batches SET job_id = $1 WHERE id = $2`, b.JobID, b.ID)
	return b, err
}

// autoIssue starts a batch after an assessment when the offering issues automatically and
// someone became eligible; a batch already queued or running picks them up itself.
func (db *DB) autoIssue(ctx context.Context, tx *sql.Tx, ac *assessCtx, userID int64) error {
	if !ac.o.AutoIssue {
		return nil
	}
	_, err := db.startBatch(ctx, tx, ac, userID)
	switch pokot.ErrorCode(err) {
	case pokot.ECONFLICT, pokot.EINVALID:
		return nil
	}
	return err
}

// IssueBatch implements pokot.IssuanceService.
func (db *DB) IssueBatch(ctx context.Context, orgID, id int64) (*pokot.IssueBatch, error) {
	b, err := scanBatch(db.r.QueryRowContext(ctx, `SELECT `+batchColumns+` FROM issue_batches b WHERE b.org_id = $1 AND b.id = $2`, orgID, id))
	return b, mapErr(noRows(err, "batch"))
}

// IssueBatches implements pokot.IssuanceService.
func (db *DB) IssueBatches(ctx context.Context, orgID, offeringID int64) ([]*pokot.IssueBatch, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+batchColumns+` FROM issue_batches b WHERE b.org_id = $1 AND b.offering_id = $2 ORDER BY b.id DESC`, orgID, offeringID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.IssueBatch
	for rows.Next() {
		b, err := scanBatch(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, b)
	}
	return out, mapErr(rows.Err())
}

// IssuedCredentials implements pokot.IssuanceService.
func (db *DB) IssuedCredentials(ctx context.Context, orgID, offeringID int64) ([]*pokot.IssuedCredential, error) {
	return db.issued(ctx, `WHERE i.org_id = $1 AND i.offering_id = $2 ORDER BY i.email`, orgID, offeringID)
}

// IssuedCredential implements pokot.IssuanceService.
func (db *DB) IssuedCredential(ctx context.Context, orgID int64, credentialID string) (*pokot.IssuedCredential, error) {
	c, err := scanIssued(db.r.QueryRowContext(ctx, `SELECT `+issuedColumns+` FROM issued_credentials i WHERE i.org_id = $1 AND i.credential_id = $2`, orgID, credentialID))
	return c, mapErr(noRows(err, "credential"))
}

// CredentialsOfEmail implements pokot.IssuanceService.
func (db *DB) CredentialsOfEmail(ctx context.Context, email string) ([]*pokot.IssuedCredential, error) {
	return db.issued(ctx, `WHERE i.email = $1 AND i.state = 'issued' ORDER BY i.issued_at DESC, i.id DESC`, email)
}

func (db *DB) issued(ctx context.Context, where string, args ...any) ([]*pokot.IssuedCredential, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+issuedColumns+` FROM issued_credentials i `+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.IssuedCredential
	for rows.Next() {
		c, err := scanIssued(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}

// MarkCredentialStatus records on an issued credential that its revocation or suspension
// bit was set (or a suspension lifted) with a reason; the bit itself is the issuer's.
// ENOTFOUND.
func (db *DB) MarkCredentialStatus(ctx context.Context, orgID int64, credentialID, purpose string, set bool, reason string, now time.Time) error {
	col := "revoked_at"
	if purpose == pokot.StatusSuspension {
		col = "suspended_at"
	}
	var at any
	if set {
		at = db.ts(now)
	}
	res, err := db.w.ExecContext(ctx, `UPDATE issued_credentials SET `+col+` = $1, status_reason = $2 WHERE org_id = $3 AND credential_id = $4`,
		at, reason, orgID, credentialID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "credential"))
}

var _ pokot.IssuanceService = (*DB)(nil)

var errNoBatch = errors.New("no batch")
