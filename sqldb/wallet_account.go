package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/pokot/pokot"
)

// RequestEmailChange implements pokot.AccountService.
func (db *DB) RequestEmailChange(ctx context.Context, userID int64, newEmail string, expires time.Time) (string, error) {
	email, err := pokot.NormalizeEmail(newEmail)
	if err != nil {
		return "", err
	}
	secret, hash := newToken()
	err = db.tx(ctx, func(tx *sql.Tx) error {
		var current string
		if err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, userID).Scan(&current); err != nil {
			return noRows(err, "user")
		}
		if current == email {
			return &pokot.Error{Code: pokot.ECONFLICT, Field: "email", Key: "err.account.same_email", Message: "that is already the account's address"}
		}
		if err := emailFree(ctx, tx, email); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO email_changes (user_id, new_email, token_hash, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5)`, userID, email, hash, db.ts(db.now()), db.ts(expires))
		return err
	})
	if err != nil {
		return "", mapErr(err)
	}
	return secret, nil
}

// emailFree returns ECONFLICT ("err.email_taken") when an account holds the address.
func emailFree(ctx context.Context, tx *sql.Tx, email string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE email = $1`, email).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return &pokot.Error{Code: pokot.ECONFLICT, Field: "email", Key: "err.email_taken", Message: "the e-mail address is taken"}
	}
	return nil
}

// ConfirmEmailChange implements pokot.AccountService. The credentials issued here to the
// old address follow the account: the wallet finds issued credentials by address. A
// credential keeps the hash of the address it was issued to, which is what it certifies.
func (db *DB) ConfirmEmailChange(ctx context.Context, token string, now time.Time) (*pokot.User, error) {
	var u *pokot.User
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var userID int64
		var email string
		err := tx.QueryRowContext(ctx, `UPDATE email_changes SET used_at = $1
			WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
			RETURNING user_id, new_email`, db.ts(now), hashToken(token)).Scan(&userID, &email)
		if err != nil {
			return noRows(err, "e-mail change")
		}
		var old string
		if err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, userID).Scan(&old); err != nil {
			return noRows(err, "user")
		}
		if err := emailFree(ctx, tx, email); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET email = $1 WHERE id = $2`, email, userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE issued_credentials SET email = $1 WHERE email = $2`, email, old); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE pathway_credentials SET email = $1 WHERE email = $2`, email, old); err != nil {
			return err
		}
		u, err = db.userWhere(ctx, tx, `u.id = $1`, userID)
		return err
	})
	if err != nil {
		return nil, mapErr(err)
	}
	return u, nil
}
