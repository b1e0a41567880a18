package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/pokot/pokot"
)

// maxWalletCredential bounds one stored credential (as credential.MaxCredentialBytes).
const maxWalletCredential = 1 << 20

// walletIssued selects the credentials issued on this platform to the e-mail address of
// user $1, as wallet rows.
const walletIssued = `
	SELECT i.credential_id AS credential_id, 'json' AS format, i.signed AS body,
		'issued' AS source, '' AS client_id, i.issued_at AS created_at, i.issued_at AS updated_at
	FROM issued_credentials i JOIN users u ON u.id = $1 AND i.email = u.email
	WHERE i.state = 'issued' AND i.signed IS NOT NULL`

// walletStored selects the uploaded and posted credentials of user $1 that are not also
// issued to them here (the issued one is the one kept).
const walletStored = `
	SELECT w.credential_id, w.format, w.body, w.source, w.client_id, w.created_at, w.updated_at
	FROM wallet_credentials w
	WHERE w.user_id = $1 AND NOT EXISTS (
		SELECT 1 FROM issued_credentials i JOIN users u ON u.id = $1 AND i.email = u.email
		WHERE i.credential_id = w.credential_id AND i.state = 'issued')`

// UpsertWalletCredential implements pokot.WalletService.
func (db *DB) UpsertWalletCredential(ctx context.Context, c *pokot.WalletCredential) (bool, error) {
	c.CredentialID = strings.TrimSpace(c.CredentialID)
	switch {
	case c.CredentialID == "" || len(c.CredentialID) > 2000:
		return false, pokot.FieldError("id", "err.wallet.id", "the credential has no id")
	case c.Format != pokot.WalletJSON && c.Format != pokot.WalletJWT:
		return false, pokot.FieldError("format", "err.wallet.format", "the credential must be JSON or a compact JWS")
	case c.Source != pokot.WalletUpload && c.Source != pokot.WalletAPI:
		return false, pokot.FieldError("source", "err.wallet.source", "unknown source")
	case len(c.Data) == 0 || len(c.Data) > maxWalletCredential:
		return false, pokot.FieldError("credential", "err.wallet.size", "the credential is empty or larger than 1 MiB")
	}
	now := db.now().UTC().Truncate(timeUnit)
	created := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var issued int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+walletIssued+` AND i.credential_id = $2) x`,
			c.UserID, c.CredentialID).Scan(&issued)
		if err != nil {
			return err
		}
		if issued > 0 {
			c.Source, c.ClientID = pokot.WalletIssued, ""
			return nil
		}
		var id int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM wallet_credentials WHERE user_id = $1 AND credential_id = $2`,
			c.UserID, c.CredentialID).Scan(&id)
		switch {
		case err == sql.ErrNoRows:
			// Lock the user's row before counting, so that concurrent upserts for one
			// user count and insert one after another: at READ COMMITTED they would all
			// see the same count and together pass the limit. (SQLite's writer
			// transactions begin IMMEDIATE and are serialised already.)
			var locked int64
			if err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE id = $1`+db.forUpdate(), c.UserID).Scan(&locked); err != nil {
				return err
			}
			var stored int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM wallet_credentials WHERE user_id = $1`, c.UserID).Scan(&stored); err != nil {
				return err
			}
			if stored >= pokot.WalletStoredLimit {
				return &pokot.Error{Code: pokot.ECONFLICT, Field: "credential", Key: "wallet.err.add_full",
					Message: fmt.Sprintf("the wallet already holds %d added credentials; remove one first", pokot.WalletStoredLimit)}
			}
			created = true
			c.Added, c.Updated = now, now
			_, err = tx.ExecContext(ctx, `
				INSERT INTO wallet_credentials (user_id, credential_id, format, body, source, client_id, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
				c.UserID, c.CredentialID, c.Format, string(c.Data), c.Source, c.ClientID, db.ts(now))
			return err
		case err != nil:
			return err
		}
		c.Updated = now
		return tx.QueryRowContext(ctx, `
			UPDATE wallet_credentials SET format = $1, body = $2, source = $3, client_id = $4, updated_at = $5
			WHERE id = $6 AND user_id = $7 RETURNING created_at`,
			c.Format, string(c.Data), c.Source, c.ClientID, db.ts(now), id, c.UserID).Scan(timeCol{&c.Added})
	})
	if err != nil {
		return false, mapErr(err)
	}
	return created, nil
}

// WalletCredentials implements pokot.WalletService.
func (db *DB) WalletCredentials(ctx context.Context, userID int64, limit, offset int) ([]*pokot.WalletCredential, int, error) {
	limit, offset = max(limit, 1), max(offset, 0)
	var total int
	var out []*pokot.WalletCredential
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+walletIssued+` UNION ALL `+walletStored+`) x`,
			userID).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT credential_id, format, body, source, client_id, created_at, updated_at
			FROM (`+walletIssued+` UNION ALL `+walletStored+`) x
			ORDER BY created_at DESC, credential_id LIMIT $2 OFFSET $3`, userID, limit, offset)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := &pokot.WalletCredential{UserID: userID}
			var body string
			if err := rows.Scan(&c.CredentialID, &c.Format, &body, &c.Source, &c.ClientID,
				timeCol{&c.Added}, timeCol{&c.Updated}); err != nil {
				return err
			}
			c.Data = []byte(body)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, mapErr(err)
	}
	return out, total, nil
}

// DeleteWalletCredential implements pokot.WalletService.
func (db *DB) DeleteWalletCredential(ctx context.Context, userID int64, credentialID string) error {
	res, err := db.w.ExecContext(ctx, `DELETE FROM wallet_credentials WHERE user_id = $1 AND credential_id = $2`,
		userID, credentialID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "credential"))
}
