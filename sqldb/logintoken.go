package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/pokot/pokot"
)

// CreateLoginToken stores a one-time token for purpose and returns it; only its hash is
// stored. ENOTFOUND when the user is missing, EINVALID without a purpose.
func (db *DB) CreateLoginToken(ctx context.Context, userID int64, purpose string, expires time.Time) (string, error) {
	if purpose == "" {
		return "", pokot.Errorf(pokot.EINVALID, "login token purpose is required")
	}
	secret, hash := newToken()
	_, err := db.w.ExecContext(ctx, `
		INSERT INTO login_tokens (user_id, purpose, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
		userID, purpose, hash, db.ts(expires), db.ts(db.now()))
	if err != nil {
		return "", mapErr(err)
	}
	return secret, nil
}

// UseLoginToken consumes the token and returns its user. ENOTFOUND for unknown, used,
// expired or other-purpose tokens.
func (db *DB) UseLoginToken(ctx context.Context, token, purpose string, now time.Time) (*pokot.User, error) {
	var u *pokot.User
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var userID int64
		err := tx.QueryRowContext(ctx, `
			UPDATE login_tokens SET used_at = $1
			WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
			RETURNING user_id`,
			db.ts(now), hashToken(token), purpose).Scan(&userID)
		if err != nil {
			return noRows(err, "token")
		}
		u, err = db.userWhere(ctx, tx, `u.id = $1`, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}
