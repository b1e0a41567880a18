package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"strings"

	"github.com/pokot/pokot"
)

const shareLinkCols = `id, user_id, credential_id, token, created_at, disabled_at`

func scanShareLink(s interface{ Scan(...any) error }) (*pokot.ShareLink, error) {
	l := &pokot.ShareLink{}
	err := s.Scan(&l.ID, &l.UserID, &l.CredentialID, &l.Token, timeCol{&l.Created}, nullTimeCol{&l.Disabled})
	return l, err
}

// newShareToken is 16 random bytes, base64url: unguessable, and short enough for a QR code.
func newShareToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// CreateShareLink implements pokot.AccountService.
func (db *DB) CreateShareLink(ctx context.Context, userID int64, credentialID string) (*pokot.ShareLink, error) {
	credentialID = strings.TrimSpace(credentialID)
	if credentialID == "" || len(credentialID) > 2000 {
		return nil, pokot.FieldError("credential", "err.wallet.id", "the credential has no id")
	}
	var l *pokot.ShareLink
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		l, err = scanShareLink(tx.QueryRowContext(ctx, `SELECT `+shareLinkCols+` FROM share_links
			WHERE user_id = $1 AND credential_id = $2 AND disabled_at IS NULL`, userID, credentialID))
		if err != sql.ErrNoRows {
			return err
		}
		l = &pokot.ShareLink{UserID: userID, CredentialID: credentialID, Token: newShareToken(),
			Created: db.now().UTC().Truncate(timeUnit)}
		return tx.QueryRowContext(ctx, `INSERT INTO share_links (user_id, credential_id, token, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, userID, credentialID, l.Token, db.ts(l.Created)).Scan(&l.ID)
	})
	if err != nil {
		return nil, mapErr(err)
	}
	return l, nil
}

// ShareLinks implements pokot.AccountService.
func (db *DB) ShareLinks(ctx context.Context, userID int64) ([]*pokot.ShareLink, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+shareLinkCols+` FROM share_links
		WHERE user_id = $1 AND disabled_at IS NULL ORDER BY id`, userID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.ShareLink
	for rows.Next() {
		l, err := scanShareLink(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, l)
	}
	return out, mapErr(rows.Err())
}

// DisableShareLink implements pokot.AccountService.
func (db *DB) DisableShareLink(ctx context.Context, userID int64, credentialID string) error {
	res, err := db.w.ExecContext(ctx, `UPDATE share_links SET disabled_at = $1
		WHERE user_id = $2 AND credential_id = $3 AND disabled_at IS NULL`,
		db.ts(db.now()), userID, credentialID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "share link"))
}

// ShareLinkByToken implements pokot.AccountService.
func (db *DB) ShareLinkByToken(ctx context.Context, token string) (*pokot.ShareLink, error) {
	l, err := scanShareLink(db.r.QueryRowContext(ctx, `SELECT `+shareLinkCols+` FROM share_links WHERE token = $1`, token))
	if err != nil {
		return nil, mapErr(noRows(err, "share link"))
	}
	return l, nil
}
