package pokot

import (
	"context"
	"time"
)

// ShareLink is a public link to one credential in a learner's wallet, at /c/{Token}. The
// learner can switch it off (Disabled set); a link switched off stays known, so that its
// address can say it was withdrawn, and it never comes back: sharing again makes a new one.
type ShareLink struct {
	ID           int64
	UserID       int64
	CredentialID string
	Token        string // random, URL-safe; public by design
	Created      time.Time
	Disabled     *time.Time
}

// AccountService keeps what a learner's own account needs beyond UserService: share links
// of their credentials, changing their e-mail address and deleting the account.
type AccountService interface {
	// CreateShareLink returns the live share link of the user's credential, making one when
	// there is none. EINVALID without a credential id; ENOTFOUND when the user is missing.
	CreateShareLink(ctx context.Context, userID int64, credentialID string) (*ShareLink, error)
	// ShareLinks lists the user's live (not switched off) links.
	ShareLinks(ctx context.Context, userID int64) ([]*ShareLink, error)
	// DisableShareLink switches off the live link of the credential. ENOTFOUND when there
	// is none.
	DisableShareLink(ctx context.Context, userID int64, credentialID string) error
	// ShareLinkByToken returns a link, live or switched off. ENOTFOUND when unknown.
	ShareLinkByToken(ctx context.Context, token string) (*ShareLink, error)
	// RequestEmailChange stores a pending change of the user's address to newEmail and
	// returns the one-time token to send to the new address (only its hash is stored).
	// EINVALID ("err.email_invalid"); ECONFLICT ("err.email_taken") when another account
	// holds the address, ("err.account.same_email") when it is the current one.
	RequestEmailChange(ctx context.Context, userID int64, newEmail string, expires time.Time) (string, error)
	// ConfirmEmailChange consumes the token and moves the account, and the credentials
	// issued to its old address on this platform, to the new address, in one transaction.
	// ENOTFOUND for an unknown, used or expired token; ECONFLICT ("err.email_taken") when
	// the address was taken meanwhile.
	ConfirmEmailChange(ctx context.Context, token string, now time.Time) (*User, error)
	// DeleteUser deletes the account and everything personal kept for it (sessions,
	// tokens, memberships, wallet uploads, share links). Credentials already issued stay
	// verifiable: they carry only a salted hash of the address. In what organisations keep
	// (issued and pathway credentials, registrations) the address and name are erased;
	// the credential id, hashed identifier and status entry stay (docs/delivery.md,
	// "Deleting an account"). ECONFLICT
	// ("err.account.last_admin") when the user is the last administrator of an
	// organisation; ENOTFOUND.
	DeleteUser(ctx context.Context, userID int64) error
}
