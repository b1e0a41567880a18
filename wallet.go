package pokot

import (
	"context"
	"time"
)

// Where a credential in a learner's wallet came from.
const (
	WalletIssued = "issued" // issued to the learner's e-mail address on this platform
	WalletUpload = "upload" // uploaded by the learner
	WalletAPI    = "api"    // posted by another platform through the Open Badges 3.0 API
)

// How a wallet credential is written.
const (
	WalletJSON = "json" // a JSON-LD credential with an embedded proof
	WalletJWT  = "jwt"  // a compact JWS (VC-JWT)
)

// WalletCredential is one credential in a learner's wallet.
type WalletCredential struct {
	UserID       int64
	CredentialID string // the credential's id, unique within one wallet
	Format       string // WalletJSON or WalletJWT
	Data         []byte // the credential as received: JSON text or the compact JWS
	Source       string // WalletIssued, WalletUpload or WalletAPI
	ClientID     string // the OAuth client that posted it (WalletAPI)
	Added        time.Time
	Updated      time.Time
}

// WalletService keeps learners' wallets: the credentials issued to them on this platform
// (found by the user's e-mail address) together with the ones they upload or that other
// platforms post for them. Every method is scoped to one user.
type WalletService interface {
	// UpsertWalletCredential stores c (UserID, CredentialID, Format, Data, Source and
	// ClientID) in the user's wallet, replacing the credential with the same id; created
	// reports whether it was new. A credential issued to the user on this platform is
	// already in the wallet and is left as issued (created false). EINVALID without an id,
	// with an unknown format or source or without data; ENOTFOUND when the user is missing.
	UpsertWalletCredential(ctx context.Context, c *WalletCredential) (created bool, err error)
	// WalletCredentials returns one page of the user's wallet, newest first, and the
	// total number of credentials in it. A limit below 1 means 1.
	WalletCredentials(ctx context.Context, userID int64, limit, offset int) ([]*WalletCredential, int, error)
	// DeleteWalletCredential removes a stored (uploaded or posted) credential from the
	// user's wallet. ENOTFOUND, also for credentials issued on this platform.
	DeleteWalletCredential(ctx context.Context, userID int64, credentialID string) error
}
