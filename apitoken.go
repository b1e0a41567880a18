package pokot

import (
	"context"
	"time"
)

// Scope limits what a personal access token may do.
type Scope string

// The API scopes.
const (
	ScopeRead  Scope = "read"
	ScopeWrite Scope = "write"
)

// APIToken is a personal access token for /api/v1. The secret is shown once; only its
// SHA-256 hash is stored. Prefix (the first characters) identifies it in listings.
type APIToken struct {
	ID       int64
	UserID   int64
	Name     string
	Prefix   string
	Scopes   []Scope
	Created  time.Time
	LastUsed *time.Time
	Expires  *time.Time
	Revoked  *time.Time
}

// Has reports whether the token carries scope s.
func (t *APIToken) Has(s Scope) bool {
	for _, x := range t.Scopes {
		if x == s {
			return true
		}
	}
	return false
}

// APITokenService stores personal access tokens.
type APITokenService interface {
	// CreateAPIToken stores t and returns the secret to show once.
	CreateAPIToken(ctx context.Context, t *APIToken) (secret string, err error)
	// APITokenBySecret returns the live token and touches LastUsed. ENOTFOUND when unknown,
	// revoked or expired.
	APITokenBySecret(ctx context.Context, secret string, now time.Time) (*APIToken, error)
	// APITokens lists a user's tokens, newest first.
	APITokens(ctx context.Context, userID int64) ([]*APIToken, error)
	// RevokeAPIToken revokes a token of userID. ENOTFOUND.
	RevokeAPIToken(ctx context.Context, userID, tokenID int64, now time.Time) error
}
