package pokot

import (
	"context"
	"time"
)

// The OAuth 2.0 scopes of the Open Badges 3.0 API.
const (
	OB3ScopeCredentialRead   = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly"
	OB3ScopeCredentialUpsert = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert"
	OB3ScopeProfileRead      = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly"
	OB3ScopeProfileUpdate    = "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update"
)

// OB3Scopes lists the scopes a client may ask for, in the order a consent page shows them.
var OB3Scopes = []string{OB3ScopeCredentialRead, OB3ScopeCredentialUpsert, OB3ScopeProfileRead, OB3ScopeProfileUpdate}

// OAuthClient is an application registered by OAuth 2.0 Dynamic Client Registration
// (RFC 7591), e.g. a learner's wallet. Only a hash of its secret is stored.
type OAuthClient struct {
	ClientID     string
	Name         string
	RedirectURIs []string
	Scopes       []string // the scopes it may ask for
	ClientURI    string
	LogoURI      string
	TOSURI       string
	PolicyURI    string
	Created      time.Time
}

// OAuthCode is an authorization code: one-time, short-lived, bound to its client, redirect
// URI, user, scopes and PKCE S256 challenge.
type OAuthCode struct {
	ID          int64
	ClientID    string
	UserID      int64
	RedirectURI string
	Scopes      []string
	Challenge   string // BASE64URL(SHA256(code_verifier))
	Created     time.Time
	Expires     time.Time
}

// OAuthToken is an access token with its refresh token, granted by a user to a client.
// Only hashes of both are stored.
type OAuthToken struct {
	ID             int64
	ClientID       string
	UserID         int64
	CodeID         int64 // the code the grant began with, kept across refreshes
	Scopes         []string
	Created        time.Time
	AccessExpires  time.Time
	RefreshExpires time.Time
}

// OAuthService stores OAuth 2.0 clients, authorization codes and tokens.
type OAuthService interface {
	// CreateOAuthClient stores c (setting ClientID and Created) and returns its secret,
	// shown once.
	CreateOAuthClient(ctx context.Context, c *OAuthClient) (secret string, err error)
	// OAuthClient returns a client. ENOTFOUND.
	OAuthClient(ctx context.Context, clientID string) (*OAuthClient, error)
	// AuthenticateOAuthClient returns the client whose id and secret these are.
	// EUNAUTHORIZED when either is wrong.
	AuthenticateOAuthClient(ctx context.Context, clientID, secret string) (*OAuthClient, error)
	// CreateOAuthCode stores c (setting ID and Created) and returns the code.
	CreateOAuthCode(ctx context.Context, c *OAuthCode) (code string, err error)
	// RedeemOAuthCode uses up a code of clientID at now. ENOTFOUND when it is unknown,
	// another client's, expired or already used; a second use also revokes the tokens
	// granted for it (RFC 6749 §4.1.2).
	RedeemOAuthCode(ctx context.Context, clientID, code string, now time.Time) (*OAuthCode, error)
	// CreateOAuthToken stores t (setting ID and Created) and returns the access and
	// refresh tokens.
	CreateOAuthToken(ctx context.Context, t *OAuthToken) (access, refresh string, err error)
	// OAuthTokenByAccess returns the live token of an access token. ENOTFOUND when it is
	// unknown, revoked or expired.
	OAuthTokenByAccess(ctx context.Context, access string, now time.Time) (*OAuthToken, error)
	// RefreshOAuthToken revokes the token of a live refresh token of clientID and returns
	// it, so that a new one can be granted with the same (or fewer) scopes. ENOTFOUND when
	// it is unknown, another client's, revoked or expired.
	RefreshOAuthToken(ctx context.Context, clientID, refresh string, now time.Time) (*OAuthToken, error)
	// RevokeOAuthToken revokes the token whose access or refresh token this is, if it is
	// clientID's (RFC 7009: unknown tokens are no error).
	RevokeOAuthToken(ctx context.Context, clientID, token string, now time.Time) error
}
