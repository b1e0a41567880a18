package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/pokot/pokot"
)

const pathwayCredCols = `id, pathway_id, org_id, email, credential_id, stacked, state, COALESCE(signed, ''), reserved_at, issued_at`

func scanPathwayCred(s interface{ Scan(...any) error }) (*pokot.PathwayCredential, error) {
	c := &pokot.PathwayCredential{}
	var stacked, signed string
	err := s.Scan(&c.ID, &c.PathwayID, &c.OrgID, &c.Email, &c.CredentialID, &stacked, &c.State, &signed,
		timeCol{&c.Reserved}, nullTimeCol{&c.IssuedAt})
	if err != nil {
		return nil, err
	}
	json.Unmarshal([]byte(stacked), &c.Stacked)
	if signed != "" {
		c.Signed = []byte(signed)
	}
	return c, nil
}

// ReservePathwayCredential implements pokot.PathwayService. The insert relies on
// UNIQUE (pathway_id, email): whoever loses a race reads the winner's row.
func (db *DB) ReservePathwayCredential(ctx context.Context, c *pokot.PathwayCredential) (*pokot.PathwayCredential, bool, error) {
	email := strings.ToLower(strings.TrimSpace(c.Email))
	if email == "" || !strings.HasPrefix(c.CredentialID, "urn:uuid:") {
		return nil, false, pokot.Errorf(pokot.EINVALID, "a pathway credential needs an e-mail and a urn:uuid id")
	}
	var got *pokot.PathwayCredential
	created := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO pathway_credentials (pathway_id, org_id, email, credential_id, stacked, state, reserved_at)
			SELECT id, org_id, $1, $2, $3, 'pending', $4 FROM pathways WHERE id = $5 AND org_id = $6
			ON CONFLICT (pathway_id, email) DO NOTHING`,
			email, c.CredentialID, jsonText(c.Stacked), db.ts(db.now().UTC().Truncate(timeUnit)), c.PathwayID, c.OrgID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		created = n > 0
		got, err = scanPathwayCred(tx.QueryRowContext(ctx, `SELECT `+pathwayCredCols+` FROM pathway_credentials
			WHERE pathway_id = $1 AND email = $2 AND org_id = $3`, c.PathwayID, email, c.OrgID))
		if err == sql.ErrNoRows {
			return notFound("pathway")
		}
		return err
	})
	if err != nil {
		return nil, false, mapErr(err)
	}
	return got, created, nil
}

// StorePathwayCredential implements pokot.PathwayService.
func (db *DB) StorePathwayCredential(ctx context.Context, id int64, signed []byte, mail *pokot.Mail, outbox bool) (bool, error) {
	stored := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		now := db.now().UTC().Truncate(timeUnit)
		res, err := tx.ExecContext(ctx, `UPDATE pathway_credentials SET state = 'issued', signed = $1, issued_at = $2
			WHERE id = $3 AND state = 'pending'`, string(signed), db.ts(now), id)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil || n == 0 {
			return err
		}
		stored = true
		if mail == nil {
			return nil
		}
		return db.insertMails(ctx, tx, []*pokot.Mail{mail}, outbox, now)
	})
	return stored, mapErr(err)
}

// PathwayCredentialsOfEmail implements pokot.PathwayService.
func (db *DB) PathwayCredentialsOfEmail(ctx context.Context, email string) ([]*pokot.PathwayCredential, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+pathwayCredCols+` FROM pathway_credentials
		WHERE email = $1 AND state = 'issued' ORDER BY id`, strings.ToLower(strings.TrimSpace(email)))
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.PathwayCredential
	for rows.Next() {
		c, err := scanPathwayCred(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}
