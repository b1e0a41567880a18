package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"strings"

	"github.com/pokot/pokot"
)

// ErasedDomain ends the placeholder address that replaces a deleted learner's e-mail
// address in the rows organisations keep (".invalid" is reserved by RFC 2606: nothing is
// ever delivered there).
const ErasedDomain = "@erased.invalid"

// DeleteUser implements pokot.AccountService. The users row goes; sessions, login
// tokens, identities, memberships, wallet uploads, OAuth grants, share links and pending
// address changes go with it (ON DELETE CASCADE), and what others wrote keeps its text
// with the author unset (ON DELETE SET NULL). In the same transaction the learner's
// personal data is erased from what organisations keep (docs/delivery.md, "Deleting an
// account"):
//   - issued POK and pathway credentials keep their id, the salted identity hash, status
//     index, grade and dates — all a credential needs to stay verifiable and revocable —
//     but the address becomes one placeholder per deletion (erased-…@erased.invalid), the
//     name is emptied and the stored signed copy (which names the learner) is dropped;
//   - registrations get the same placeholder and no name; the ones that have not led to a
//     credential are cancelled (so that no credential is ever issued to the placeholder),
//     and a seat they held goes to the first learner waiting, as on any cancellation;
//   - invitations, mails and throttling counters addressed to the learner are deleted.
//
// The one placeholder keeps a learner's registration, credential and pathway rows joined,
// so exactly-once issuing still sees the credential as issued.
func (db *DB) DeleteUser(ctx context.Context, userID int64) error {
	_, err := db.DeleteUserPromoting(ctx, userID)
	return err
}

// DeleteUserPromoting implements pokot.AccountEraser: DeleteUser, returning the learners
// who moved up from a waitlist to the seats the deleted learner's registrations held.
func (db *DB) DeleteUserPromoting(ctx context.Context, userID int64) ([]*pokot.Registration, error) {
	var promoted []*pokot.Registration
	err := db.tx(ctx, func(tx *sql.Tx) error {
		promoted = nil
		var n int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM memberships m
			WHERE m.user_id = $1 AND m.role = 'orgadmin' AND NOT EXISTS (
				SELECT 1 FROM memberships o WHERE o.org_id = m.org_id AND o.role = 'orgadmin' AND o.user_id <> $1)`,
			userID).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.account.last_admin", Message: "the user is the last administrator of an organisation"}
		}
		var email string
		if err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, userID).Scan(&email); err != nil {
			return noRows(err, "user")
		}
		addrs := []string{email}
		rows, err := tx.QueryContext(ctx, `SELECT new_email FROM email_changes WHERE user_id = $1`, userID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				rows.Close()
				return err
			}
			addrs = append(addrs, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if promoted, err = db.cancelForErasure(ctx, tx, userID, email); err != nil {
			return err
		}
		if err := eraseLearner(ctx, tx, userID, email, erasedAddress()); err != nil {
			return err
		}
		if err := eraseAddressed(ctx, tx, addrs); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, userID)
		if err != nil {
			return err
		}
		return affected(res, "user")
	})
	if err != nil {
		return nil, mapErr(err)
	}
	return promoted, nil
}

// cancelForErasure cancels the learner's live registrations that have not led to a
// credential, so that the placeholder address never becomes eligible for one, and gives
// each seat they held to the first learner waiting (offering locked, as in cancel).
func (db *DB) cancelForErasure(ctx context.Context, tx *sql.Tx, userID int64, email string) ([]*pokot.Registration, error) {
	rows, err := tx.QueryContext(ctx, `SELECT r.id, r.org_id, r.offering_id FROM registrations r
		WHERE (r.email = $1 OR r.user_id = $2) AND r.status <> 'cancelled' AND NOT EXISTS (
			SELECT 1 FROM issued_credentials i WHERE i.offering_id = r.offering_id
				AND (i.email = r.email OR i.email = $1))
		ORDER BY r.offering_id, r.id`, email, userID)
	if err != nil {
		return nil, err
	}
	var regs [][3]int64
	for rows.Next() {
		var r [3]int64
		if err := rows.Scan(&r[0], &r[1], &r[2]); err != nil {
			rows.Close()
			return nil, err
		}
		regs = append(regs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	now := db.ts(db.now().UTC().Truncate(timeUnit))
	var promoted []*pokot.Registration
	for _, r := range regs {
		if _, err := db.lockOffering(ctx, tx, r[1], r[2]); err != nil {
			return nil, err
		}
		var status string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM registrations WHERE id = $1`, r[0]).Scan(&status); err != nil {
			return nil, err
		}
		if status == pokot.RegCancelled {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE registrations SET status = 'cancelled', cancelled_at = $1 WHERE id = $2`, now, r[0]); err != nil {
			return nil, err
		}
		if status != pokot.RegRegistered {
			continue
		}
		p, err := db.promote(ctx, tx, r[2])
		if err != nil {
			return nil, err
		}
		if p != nil {
			promoted = append(promoted, p)
		}
	}
	return promoted, nil
}

// erasedAddress is a new placeholder address.
func erasedAddress() string {
	var b [12]byte
	rand.Read(b[:])
	return "erased-" + hex.EncodeToString(b[:]) + ErasedDomain
}

// eraseLearner replaces the learner's address by placeholder and empties their name in
// the delivery tables (registrations without a credential are cancelled before).
func eraseLearner(ctx context.Context, tx *sql.Tx, userID int64, email, placeholder string) error {
	for _, q := range []struct {
		sql  string
		args []any
	}{
		// A credential of the learner's own registration may carry an address they have
		// since changed (the registration keeps the one it was made with); one offering's
		// second credential of theirs would break UNIQUE (offering_id, email) and is left.
		{`UPDATE issued_credentials SET email = $1, name = '', signed = NULL
			WHERE email = $2 OR (registration_id IN (SELECT id FROM registrations WHERE user_id = $3)
				AND NOT EXISTS (SELECT 1 FROM issued_credentials j
					WHERE j.offering_id = issued_credentials.offering_id AND j.email = $2))`, []any{placeholder, email, userID}},
		{`UPDATE registrations SET email = $1, name = '' WHERE email = $2 OR user_id = $3`, []any{placeholder, email, userID}},
		{`UPDATE pathway_credentials SET email = $1, signed = NULL WHERE email = $2`, []any{placeholder, email}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}

// eraseAddressed deletes the invitations, co-design partner invitations, mails and
// throttling counters of the addresses, and blanks the address in the design history's
// partner entries (the entry stays: a partner was invited or removed, by whom and when).
func eraseAddressed(ctx context.Context, tx *sql.Tx, addrs []string) error {
	for _, a := range addrs {
		if _, err := tx.ExecContext(ctx, `DELETE FROM invitations WHERE email = $1`, a); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mc_partners WHERE email = $1`, a); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mc_history SET note = '' WHERE note = $1 AND action IN ($2, $3)`,
			a, pokot.ActionPartnerAdd, pokot.ActionPartnerRemove); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mails WHERE lower(to_addr) = $1`, a); err != nil {
			return err
		}
		// Throttling keys embed the address ("emailchange:" + address, …); LIKE only
		// narrows the search ('_' and '%' in an address match more), the exact test is here.
		rows, err := tx.QueryContext(ctx, `SELECT key FROM throttle WHERE key LIKE $1`, "%"+a+"%")
		if err != nil {
			return err
		}
		var keys []string
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return err
			}
			if strings.Contains(k, a) {
				keys = append(keys, k)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `DELETE FROM throttle WHERE key = $1`, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// TextLocations returns "table.column" for every text column of every table that holds
// one of the needles (case-insensitively), each once: where a person's data still is,
// for a data subject's access or erasure request and for the tests that check an
// erasure. A needle's '_' and '%' match any character, so the answer may say too much,
// never too little. It reads every row of every table: an administrator's tool.
func (db *DB) TextLocations(ctx context.Context, needles ...string) ([]string, error) {
	cols, err := db.textColumns(ctx)
	if err != nil {
		return nil, mapErr(err)
	}
	var out []string
	for _, c := range cols {
		for _, n := range needles {
			if strings.TrimSpace(n) == "" {
				continue
			}
			var hit int
			q := `SELECT COUNT(*) FROM ` + quoteIdent(c[0]) + ` WHERE lower(CAST(` + quoteIdent(c[1]) + ` AS TEXT)) LIKE $1`
			if err := db.r.QueryRowContext(ctx, q, "%"+strings.ToLower(n)+"%").Scan(&hit); err != nil {
				return nil, mapErr(err)
			}
			if hit > 0 {
				out = append(out, c[0]+"."+c[1])
				break
			}
		}
	}
	return out, nil
}

// textColumns lists [table, column] of the text-like columns of the schema's tables.
func (db *DB) textColumns(ctx context.Context) ([][2]string, error) {
	var out [][2]string
	if db.dialect == Postgres {
		rows, err := db.r.QueryContext(ctx, `SELECT c.table_name, c.column_name FROM information_schema.columns c
			JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
			WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
				AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
			ORDER BY c.table_name, c.ordinal_position`)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var c [2]string
			if err := rows.Scan(&c[0], &c[1]); err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, rows.Err()
	}
	rows, err := db.r.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, tbl := range tables {
		cr, err := db.r.QueryContext(ctx, `SELECT name, type FROM pragma_table_info($1)`, tbl)
		if err != nil {
			return nil, err
		}
		for cr.Next() {
			var name, typ string
			if err := cr.Scan(&name, &typ); err != nil {
				cr.Close()
				return nil, err
			}
			// Columns without a declared type hold text too.
			if t := strings.ToUpper(typ); t == "" || strings.Contains(t, "TEXT") || strings.Contains(t, "CHAR") || strings.Contains(t, "BLOB") || strings.Contains(t, "JSON") {
				out = append(out, [2]string{tbl, name})
			}
		}
		cr.Close()
		if err := cr.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// quoteIdent quotes a table or column name read from the schema.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
