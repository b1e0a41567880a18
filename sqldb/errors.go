package sqldb

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/pokot/pokot"
)

// uniqueKeys names the unique constraints that users can run into, as PostgreSQL calls them
// (constraint name) and as SQLite reports them (columns), with the catalog key to show.
var uniqueKeys = []struct {
	pg, sqlite string
	field, key string
	message    string
}{
	{"organisations_slug_key", "organisations.slug", "slug", "err.slug_taken", "the address name is taken"},
	{"users_email_key", "users.email", "email", "err.email_taken", "the e-mail address is taken"},
	{"user_identities_pkey", "user_identities.provider, user_identities.subject", "", "err.identity_taken", "the identity is linked to another account"},
}

// mapErr turns every error of this package into a *pokot.Error, in this one place:
// sql.ErrNoRows into ENOTFOUND, unique violations into ECONFLICT, foreign-key violations
// into ENOTFOUND (the row referred to does not exist), check violations into EINVALID and
// anything else into EINTERNAL wrapping the cause. Errors that already are *pokot.Error
// pass through; nil stays nil.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var pe *pokot.Error
	if errors.As(err, &pe) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.not_found", Message: "not found"}
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505": // unique_violation
			return conflict(pg.ConstraintName, "", err)
		case "23503": // foreign_key_violation
			return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.not_found", Message: "refers to a missing record", Err: err}
		case "23514", "23502", "22001", "22P02": // check, not null, too long, bad text
			return &pokot.Error{Code: pokot.EINVALID, Key: "err.invalid", Message: "invalid value", Err: err}
		}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			// "UNIQUE constraint failed: users.email (2067)"
			msg := se.Error()
			if i := strings.LastIndex(msg, "failed: "); i >= 0 {
				msg = msg[i+len("failed: "):]
			}
			if i := strings.LastIndex(msg, " ("); i >= 0 {
				msg = msg[:i]
			}
			return conflict("", msg, err)
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.not_found", Message: "refers to a missing record", Err: err}
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			return &pokot.Error{Code: pokot.EINVALID, Key: "err.invalid", Message: "invalid value", Err: err}
		}
	}
	return &pokot.Error{Code: pokot.EINTERNAL, Message: "database error", Err: err}
}

func conflict(pgName, sqliteCols string, err error) error {
	for _, u := range uniqueKeys {
		if (pgName != "" && u.pg == pgName) || (sqliteCols != "" && u.sqlite == sqliteCols) {
			return &pokot.Error{Code: pokot.ECONFLICT, Field: u.field, Key: u.key, Message: u.message, Err: err}
		}
	}
	return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.conflict", Message: "already exists", Err: err}
}

// notFound is the ENOTFOUND error for a missing thing, e.g. notFound("organisation").
func notFound(what string) error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.not_found", Message: what + " not found"}
}

// affected returns notFound(what) when res changed no row.
func affected(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}

// noRows turns sql.ErrNoRows into notFound(what) and leaves other errors alone.
func noRows(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(what)
	}
	return err
}
