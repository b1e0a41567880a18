package pokot

import "context"

// Store is everything the web and API layers need from storage; package sqldb implements it
// on SQLite and PostgreSQL.
type Store interface {
	OrgService
	UserService
	SessionService
	APITokenService
	MailService
	ContentService
	JobService
	MicrocredentialService
	IssuerService
	// Ping reports whether the database is reachable (for /readyz).
	Ping(ctx context.Context) error
}
