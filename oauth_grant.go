package pokot

import (
	"context"
	"time"
)

// OAuthGrant is what one user has allowed one application: the scopes of its live tokens
// and when the user first allowed it. A grant lasts while a token of the client can still
// be used or refreshed.
type OAuthGrant struct {
	Client  *OAuthClient
	Scopes  []string // in the order of OB3Scopes
	Granted time.Time
}

// OAuthGrantService lets a user see and withdraw the access they have given applications.
type OAuthGrantService interface {
	// OAuthGrants returns the user's live grants at now, most recent first.
	OAuthGrants(ctx context.Context, userID int64, now time.Time) ([]*OAuthGrant, error)
	// RevokeOAuthGrant revokes every token of the user's grant to clientID and uses up its
	// unredeemed codes, so that the client's access ends at once. ENOTFOUND when the user
	// has no live grant to the client.
	RevokeOAuthGrant(ctx context.Context, userID int64, clientID string, now time.Time) error
}
