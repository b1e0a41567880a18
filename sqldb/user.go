package sqldb

import (
	"context"
	"database/sql"
	"strings"

	"github.com/pokot/pokot"
)

const userColumns = `u.id, u.email, u.name, u.password_hash, u.admin, u.lang, u.created_at`

func scanUser(s interface{ Scan(...any) error }) (*pokot.User, error) {
	u := &pokot.User{}
	err := s.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Admin, (*string)(&u.Lang), timeCol{&u.Created})
	return u, err
}

func validLang(l pokot.Lang) (pokot.Lang, error) {
	if l == "" {
		return pokot.Finnish, nil
	}
	if x, ok := pokot.ParseLang(string(l)); ok {
		return x, nil
	}
	return "", pokot.FieldError("lang", "err.lang_invalid", "unknown language")
}

// CreateUser inserts u (Email normalised, Lang defaulting to Finnish) and sets ID and
// Created. ECONFLICT ("err.email_taken"), EINVALID.
func (db *DB) CreateUser(ctx context.Context, u *pokot.User) error {
	email, err := pokot.NormalizeEmail(u.Email)
	if err != nil {
		return err
	}
	lang, err := validLang(u.Lang)
	if err != nil {
		return err
	}
	u.Email, u.Lang = email, lang
	u.Created = db.now().UTC().Truncate(timeUnit)
	err = db.w.QueryRowContext(ctx, `
		INSERT INTO users (email, name, password_hash, admin, lang, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		u.Email, u.Name, u.PasswordHash, u.Admin, string(u.Lang), db.ts(u.Created)).Scan(&u.ID)
	return mapErr(err)
}

// UpdateUser saves Name, Lang and Admin. ENOTFOUND, EINVALID.
func (db *DB) UpdateUser(ctx context.Context, u *pokot.User) error {
	lang, err := validLang(u.Lang)
	if err != nil {
		return err
	}
	u.Lang = lang
	res, err := db.w.ExecContext(ctx, `UPDATE users SET name = $1, lang = $2, admin = $3 WHERE id = $4`,
		u.Name, string(u.Lang), u.Admin, u.ID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "user"))
}

// SetPassword stores a new password hash. ENOTFOUND.
func (db *DB) SetPassword(ctx context.Context, userID int64, hash string) error {
	res, err := db.w.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "user"))
}

// UserByID returns ENOTFOUND when missing.
func (db *DB) UserByID(ctx context.Context, id int64) (*pokot.User, error) {
	return db.userWhere(ctx, db.r, `u.id = $1`, id)
}

// UserByEmail finds a user by address, ignoring case and surrounding space. ENOTFOUND.
func (db *DB) UserByEmail(ctx context.Context, email string) (*pokot.User, error) {
	return db.userWhere(ctx, db.r, `u.email = $1`, strings.ToLower(strings.TrimSpace(email)))
}

func (db *DB) userWhere(ctx context.Context, q querier, where string, args ...any) (*pokot.User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users u WHERE `+where, args...))
	if err != nil {
		return nil, mapErr(noRows(err, "user"))
	}
	return u, nil
}

// CountAdmins counts platform administrators.
func (db *DB) CountAdmins(ctx context.Context) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE admin = $1`, true).Scan(&n)
	return n, mapErr(err)
}

// Users lists all users by e-mail.
func (db *DB) Users(ctx context.Context) ([]*pokot.User, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.email`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var us []*pokot.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		us = append(us, u)
	}
	return us, mapErr(rows.Err())
}

// LinkIdentity records that an OIDC provider's subject is userID; linking it again to the
// same user is not an error. ECONFLICT ("err.identity_taken") if the subject is linked to
// another user, ENOTFOUND if the user is missing.
func (db *DB) LinkIdentity(ctx context.Context, provider, subject string, userID int64) error {
	if provider == "" || subject == "" {
		return pokot.Errorf(pokot.EINVALID, "identity provider and subject are required")
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO user_identities (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (provider, subject) DO NOTHING`,
			provider, subject, userID, db.ts(db.now()))
		if err != nil {
			return err
		}
		var owner int64
		if err := tx.QueryRowContext(ctx, `SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2`,
			provider, subject).Scan(&owner); err != nil {
			return err
		}
		if owner != userID {
			return conflict("user_identities_pkey", "", nil)
		}
		return nil
	})
}

// UserByIdentity returns ENOTFOUND when the subject is not linked.
func (db *DB) UserByIdentity(ctx context.Context, provider, subject string) (*pokot.User, error) {
	return db.userWhere(ctx, db.r,
		`u.id = (SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2)`, provider, subject)
}
