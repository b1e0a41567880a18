package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/pokot/pokot"
)

const registrationColumns = `r.id, r.org_id, r.offering_id, r.user_id, r.email, r.name, r.lang, r.status,
	r.confirmed_at, r.cancelled_at, r.created_at,
	CASE WHEN r.status = 'waitlisted' THEN (SELECT COUNT(*) FROM registrations w
		WHERE w.offering_id = r.offering_id AND w.status = 'waitlisted' AND w.id <= r.id) ELSE 0 END`

func scanRegistration(s interface{ Scan(...any) error }) (*pokot.Registration, error) {
	r := &pokot.Registration{}
	var uid sql.NullInt64
	err := s.Scan(&r.ID, &r.OrgID, &r.OfferingID, &uid, &r.Email, &r.Name, (*string)(&r.Lang), &r.Status,
		nullTimeCol{&r.ConfirmedAt}, nullTimeCol{&r.CancelledAt}, timeCol{&r.Created}, &r.Position)
	if uid.Valid {
		r.UserID = &uid.Int64
	}
	return r, err
}

func errRegToken() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.reg.token", Message: "the link is unknown or no longer valid"}
}

func errRegCancelled() error {
	return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.reg.cancelled", Message: "the registration has already been cancelled"}
}

func errRegCompleted() error {
	return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.reg.completed", Message: "a credential has been issued (or is being issued) for the registration"}
}

// Register implements pokot.RegistrationService. The offering row is locked, so that two
// learners never take the last seat together.
func (db *DB) Register(ctx context.Context, r *pokot.Registration, now time.Time) (*pokot.RegistrationTokens, error) {
	if err := pokot.ValidateRegistration(r); err != nil {
		return nil, err
	}
	var toks pokot.RegistrationTokens
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var orgID int64
		if err := tx.QueryRowContext(ctx, `SELECT org_id FROM offerings WHERE id = $1`, r.OfferingID).Scan(&orgID); err != nil {
			return noRows(err, "offering")
		}
		o, err := db.lockOffering(ctx, tx, orgID, r.OfferingID)
		if err != nil {
			return err
		}
		switch {
		case now.Before(o.RegistrationOpens):
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.reg.not_open", Message: "registration has not opened yet"}
		case now.After(o.RegistrationCloses):
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.reg.closed", Message: "registration has closed"}
		}
		var dup int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM registrations
			WHERE offering_id = $1 AND status <> 'cancelled' AND (email = $2 OR user_id = $3)`,
			r.OfferingID, r.Email, r.UserID).Scan(&dup); err != nil {
			return err
		}
		if dup > 0 {
			return &pokot.Error{Code: pokot.ECONFLICT, Field: "email", Key: "err.reg.duplicate", Message: "this learner is already registered"}
		}
		r.OrgID, r.Status, r.Position = orgID, pokot.RegRegistered, 0
		if o.Registered >= o.Capacity {
			r.Status, r.Position = pokot.RegWaitlisted, o.Waitlisted+1
		}
		r.Created = now.UTC().Truncate(timeUnit)
		r.ConfirmedAt, r.CancelledAt = nil, nil
		var confirmHash, cancelHash string
		toks.Confirm, confirmHash = newToken()
		toks.Cancel, cancelHash = newToken()
		return tx.QueryRowContext(ctx, `
			INSERT INTO registrations (org_id, offering_id, user_id, email, name, lang, status, confirm_hash, cancel_hash, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			orgID, r.OfferingID, r.UserID, r.Email, r.Name, string(r.Lang), r.Status, confirmHash, cancelHash, db.ts(r.Created)).Scan(&r.ID)
	})
	if err != nil {
		return nil, err
	}
	return &toks, nil
}

// ConfirmRegistration implements pokot.RegistrationService.
func (db *DB) ConfirmRegistration(ctx context.Context, token string, now time.Time) (*pokot.Registration, error) {
	var r *pokot.Registration
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = scanRegistration(tx.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations r WHERE r.confirm_hash = $1`, hashToken(token)))
		if errors.Is(err, sql.ErrNoRows) {
			return errRegToken()
		}
		if err != nil {
			return err
		}
		if r.Status == pokot.RegCancelled {
			return errRegCancelled()
		}
		if r.ConfirmedAt != nil {
			return nil
		}
		t := now.UTC().Truncate(timeUnit)
		r.ConfirmedAt = &t
		_, err = tx.ExecContext(ctx, `UPDATE registrations SET confirmed_at = $1 WHERE id = $2`, db.ts(t), r.ID)
		return err
	})
	return r, err
}

// CancelRegistrationByToken implements pokot.RegistrationService.
func (db *DB) CancelRegistrationByToken(ctx context.Context, token string, now time.Time) (*pokot.Registration, *pokot.Registration, error) {
	return db.cancel(ctx, `r.cancel_hash = $1`, hashToken(token), now)
}

// CancelRegistration implements pokot.RegistrationService.
func (db *DB) CancelRegistration(ctx context.Context, orgID, id int64, now time.Time) (*pokot.Registration, *pokot.Registration, error) {
	return db.cancel(ctx, `r.org_id = $1 AND r.id = $2`, orgID, id, now)
}

func (db *DB) cancel(ctx context.Context, where string, args ...any) (cancelled, promoted *pokot.Registration, err error) {
	now := args[len(args)-1].(time.Time)
	args = args[:len(args)-1]
	err = db.tx(ctx, func(tx *sql.Tx) error {
		r, err := scanRegistration(tx.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations r WHERE `+where, args...))
		if errors.Is(err, sql.ErrNoRows) {
			if len(args) == 1 {
				return errRegToken()
			}
			return notFound("registration")
		}
		if err != nil {
			return err
		}
		if _, err := db.lockOffering(ctx, tx, r.OrgID, r.OfferingID); err != nil {
			return err
		}
		// Read again under the lock: a concurrent cancel may have won.
		if err := tx.QueryRowContext(ctx, `SELECT status FROM registrations WHERE id = $1`, r.ID).Scan(&r.Status); err != nil {
			return err
		}
		if r.Status == pokot.RegCancelled {
			return errRegCancelled()
		}
		// A registration whose credential has been issued (or reserved for issuing) is
		// completed: cancelling it would free a seat that was used.
		var issued int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM issued_credentials WHERE registration_id = $1`, r.ID).Scan(&issued); err != nil {
			return err
		}
		if issued > 0 {
			return errRegCompleted()
		}
		held := r.Status == pokot.RegRegistered
		t := now.UTC().Truncate(timeUnit)
		r.Status, r.CancelledAt, r.Position = pokot.RegCancelled, &t, 0
		if _, err := tx.ExecContext(ctx, `UPDATE registrations SET status = 'cancelled', cancelled_at = $1 WHERE id = $2`, db.ts(t), r.ID); err != nil {
			return err
		}
		cancelled = r
		if held {
			promoted, err = db.promote(ctx, tx, r.OfferingID)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return cancelled, promoted, nil
}

// promote gives a free seat of an offering (locked by the caller) to the first waiting
// learner and returns them, or nil when nobody waits.
func (db *DB) promote(ctx context.Context, tx *sql.Tx, offeringID int64) (*pokot.Registration, error) {
	p, err := scanRegistration(tx.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations r
		WHERE r.offering_id = $1 AND r.status = 'waitlisted' ORDER BY r.id LIMIT 1`, offeringID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE registrations SET status = 'registered' WHERE id = $1`, p.ID); err != nil {
		return nil, err
	}
	p.Status, p.Position = pokot.RegRegistered, 0
	return p, nil
}

// Registration implements pokot.RegistrationService.
func (db *DB) Registration(ctx context.Context, orgID, id int64) (*pokot.Registration, error) {
	r, err := scanRegistration(db.r.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations r WHERE r.org_id = $1 AND r.id = $2`, orgID, id))
	return r, mapErr(noRows(err, "registration"))
}

// Participants implements pokot.RegistrationService.
func (db *DB) Participants(ctx context.Context, orgID, offeringID int64, cancelled bool) ([]*pokot.Registration, error) {
	q := `SELECT ` + registrationColumns + ` FROM registrations r WHERE r.org_id = $1 AND r.offering_id = $2`
	if !cancelled {
		q += ` AND r.status <> 'cancelled'`
	}
	q += ` ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.id`
	return db.registrations(ctx, q, orgID, offeringID)
}

// RegistrationsOf implements pokot.RegistrationService.
func (db *DB) RegistrationsOf(ctx context.Context, userID int64) ([]*pokot.Registration, error) {
	return db.registrations(ctx, `SELECT `+registrationColumns+` FROM registrations r WHERE r.user_id = $1 ORDER BY r.id DESC`, userID)
}

// LearnerRegistrations lists the registrations of user userID across organisations, newest
// first: those made as the signed-in user and those made on the public form with the
// user's e-mail address (as the wallet finds the credentials issued to that address),
// cancelled ones included. A user that does not exist has none.
func (db *DB) LearnerRegistrations(ctx context.Context, userID int64) ([]*pokot.Registration, error) {
	return db.registrations(ctx, learnerRegistrationsQuery, userID)
}

// learnerRegistrationsQuery is LearnerRegistrations' query; the indexes registrations_user
// and registrations_email (migration 0013) serve its two conditions.
const learnerRegistrationsQuery = `SELECT ` + registrationColumns + ` FROM registrations r
	WHERE r.user_id = $1 OR r.email = (SELECT u.email FROM users u WHERE u.id = $1)
	ORDER BY r.id DESC`

// ReissueRegistrationLinks gives the live (not cancelled) registration of email in an
// offering new confirmation and cancellation tokens, for a message telling the address
// that it is already registered: only the tokens' hashes are stored, so the earlier links
// cannot be sent again, and they stop working. compose makes the message carrying the new
// links, which is queued (in the outbox when outbox is true) in the same transaction: the
// links change only when the message is queued. compose returning a nil message leaves
// everything as it was (and the result is nil, nil); its error is returned as it is and
// changes nothing either. ENOTFOUND when the address has no live registration there.
func (db *DB) ReissueRegistrationLinks(ctx context.Context, offeringID int64, email string, outbox bool,
	compose func(*pokot.Registration, *pokot.RegistrationTokens) (*pokot.Mail, error)) (*pokot.Registration, error) {
	email, err := pokot.NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	var r *pokot.Registration
	errSkip := errors.New("skip")
	err = db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = scanRegistration(tx.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations r
			WHERE r.offering_id = $1 AND r.email = $2 AND r.status <> 'cancelled'`, offeringID, email))
		if err != nil {
			return noRows(err, "registration")
		}
		var toks pokot.RegistrationTokens
		var confirmHash, cancelHash string
		toks.Confirm, confirmHash = newToken()
		toks.Cancel, cancelHash = newToken()
		m, err := compose(r, &toks)
		if err != nil {
			return err
		}
		if m == nil {
			return errSkip
		}
		if _, err := tx.ExecContext(ctx, `UPDATE registrations SET confirm_hash = $1, cancel_hash = $2 WHERE id = $3`,
			confirmHash, cancelHash, r.ID); err != nil {
			return err
		}
		return db.insertMails(ctx, tx, []*pokot.Mail{m}, outbox, db.now().UTC().Truncate(timeUnit))
	})
	if errors.Is(err, errSkip) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (db *DB) registrations(ctx context.Context, q string, args ...any) ([]*pokot.Registration, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

var _ pokot.RegistrationService = (*DB)(nil)
