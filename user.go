package pokot

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// User is a person with an account. E-mail addresses are stored lower-cased and unique.
type User struct {
	ID           int64
	Email        string
	Name         string
	PasswordHash string // argon2id PHC string; empty for OIDC- or link-only accounts
	Admin        bool   // platform administrator
	Lang         Lang   // preferred UI language
	Created      time.Time
}

// NormalizeEmail trims and lower-cases an address and checks its form. EINVALID (field "email").
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || len(s) > 254 || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return "", FieldError("email", "err.email_invalid", "not a valid e-mail address")
	}
	return s, nil
}

// UserService stores users, their external identities and their one-time tokens.
type UserService interface {
	// CreateUser inserts u (Email normalised) and sets ID and Created. ECONFLICT if the
	// e-mail is taken.
	CreateUser(ctx context.Context, u *User) error
	// UpdateUser saves Name, Lang and Admin. ENOTFOUND.
	UpdateUser(ctx context.Context, u *User) error
	// SetPassword stores a new password hash. ENOTFOUND.
	SetPassword(ctx context.Context, userID int64, hash string) error
	// UserByID and UserByEmail return ENOTFOUND when missing.
	UserByID(ctx context.Context, id int64) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	// CountAdmins counts platform administrators (0 means first-run set-up is open).
	CountAdmins(ctx context.Context) (int, error)
	// Users lists all users by e-mail, for the platform administrator.
	Users(ctx context.Context) ([]*User, error)

	// LinkIdentity records that an OIDC provider's subject is userID. ECONFLICT if the
	// subject is linked to another user.
	LinkIdentity(ctx context.Context, provider, subject string, userID int64) error
	// UserByIdentity returns ENOTFOUND when the subject is not linked.
	UserByIdentity(ctx context.Context, provider, subject string) (*User, error)

	// CreateLoginToken stores a one-time token for purpose ("reset", later "signin") and
	// returns it; only its hash is stored.
	CreateLoginToken(ctx context.Context, userID int64, purpose string, expires time.Time) (string, error)
	// UseLoginToken consumes the token and returns its user. ENOTFOUND for unknown, used,
	// expired or other-purpose tokens.
	UseLoginToken(ctx context.Context, token, purpose string, now time.Time) (*User, error)
}
