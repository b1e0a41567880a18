package pokot

import (
	"context"
	"time"
)

// Session is a server-side sign-in session; the browser holds only its random token, the
// database only the token's hash.
type Session struct {
	ID       int64
	UserID   int64
	CSRF     string // per-session secret for CSRF tokens
	Created  time.Time
	LastSeen time.Time
	Expires  time.Time
}

// SessionService stores sessions and the throttling counters shared by all processes.
type SessionService interface {
	// CreateSession stores a session for userID and returns it with its token.
	CreateSession(ctx context.Context, userID int64, expires time.Time) (token string, s *Session, err error)
	// SessionByToken returns the live session and touches LastSeen. ENOTFOUND when unknown
	// or expired.
	SessionByToken(ctx context.Context, token string, now time.Time) (*Session, error)
	// DeleteSession ends one session (logout).
	DeleteSession(ctx context.Context, token string) error
	// DeleteUserSessions ends every session of a user (logout everywhere, password change).
	DeleteUserSessions(ctx context.Context, userID int64) error
	// DeleteExpiredSessions removes expired sessions and returns how many.
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error)

	// Hit counts one attempt for key in the current fixed window and reports whether the
	// count is still within limit. Used for sign-in throttling per account and per IP.
	Hit(ctx context.Context, key string, limit int, window time.Duration, now time.Time) (ok bool, err error)
	// ResetHits clears the counter for key (e.g. after a successful sign-in).
	ResetHits(ctx context.Context, key string) error
}
