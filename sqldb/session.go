package sqldb

import (
	"context"
	"time"

	"github.com/pokot/pokot"
)

// CreateSession stores a session for userID and returns it with its token; the database
// keeps only the token's hash. ENOTFOUND when the user is missing.
func (db *DB) CreateSession(ctx context.Context, userID int64, expires time.Time) (string, *pokot.Session, error) {
	secret, hash := newToken()
	csrf, _ := newToken()
	now := db.now().UTC().Truncate(timeUnit)
	s := &pokot.Session{UserID: userID, CSRF: csrf, Created: now, LastSeen: now, Expires: expires.UTC().Truncate(timeUnit)}
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO sessions (user_id, token_hash, csrf_secret, created_at, last_seen, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		userID, hash, csrf, db.ts(now), db.ts(now), db.ts(s.Expires)).Scan(&s.ID)
	if err != nil {
		return "", nil, mapErr(err)
	}
	return secret, s, nil
}

// touchEvery is how stale LastSeen may get before a read writes it again: a page view
// should not be a database write, which SQLite serialises through its single writer.
const touchEvery = time.Minute

// SessionByToken returns the live session and sets its LastSeen to now when it is more than
// touchEvery old. ENOTFOUND when unknown or expired.
func (db *DB) SessionByToken(ctx context.Context, token string, now time.Time) (*pokot.Session, error) {
	s := &pokot.Session{}
	hash := hashToken(token)
	err := db.r.QueryRowContext(ctx, `
		SELECT id, user_id, csrf_secret, created_at, last_seen, expires_at
		FROM sessions WHERE token_hash = $1 AND expires_at > $2`,
		hash, db.ts(now),
	).Scan(&s.ID, &s.UserID, &s.CSRF, timeCol{&s.Created}, timeCol{&s.LastSeen}, timeCol{&s.Expires})
	if err != nil {
		return nil, mapErr(noRows(err, "session"))
	}
	if now.Sub(s.LastSeen) >= touchEvery {
		if _, err := db.w.ExecContext(ctx, `UPDATE sessions SET last_seen = $1 WHERE id = $2`, db.ts(now), s.ID); err != nil {
			return nil, mapErr(err)
		}
		s.LastSeen = now.UTC().Truncate(time.Microsecond) // the stored precision
	}
	return s, nil
}

// DeleteSession ends one session (logout); an unknown token is not an error.
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	_, err := db.w.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashToken(token))
	return mapErr(err)
}

// DeleteUserSessions ends every session of a user.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := db.w.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	return mapErr(err)
}

// staleHits is the age after which a throttle counter can no longer count (the longest
// window is an hour) and is removed by the session sweep.
const staleHits = 24 * time.Hour

// DeleteExpiredSessions removes expired sessions and returns how many. It also removes the
// throttle counters whose window began over a day before now (DeleteStaleHits): their keys
// hold e-mail and IP addresses, which are kept no longer than they are needed.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	res, err := db.w.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, db.ts(now))
	if err != nil {
		return 0, mapErr(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, mapErr(err)
	}
	if _, err := db.DeleteStaleHits(ctx, now.Add(-staleHits)); err != nil {
		return int(n), err
	}
	return int(n), nil
}
