package sqldb

import (
	"context"
	"database/sql"
	"time"

	"github.com/pokot/pokot"
)

const invitationColumns = `i.id, i.org_id, i.email, i.role, i.invited_by, i.expires_at, i.accepted_at, i.created_at`

func scanInvitation(s interface{ Scan(...any) error }) (*pokot.Invitation, error) {
	inv := &pokot.Invitation{}
	var role string
	var by sql.NullInt64
	err := s.Scan(&inv.ID, &inv.OrgID, &inv.Email, &role, &by, timeCol{&inv.Expires}, nullTimeCol{&inv.AcceptedAt}, timeCol{&inv.Created})
	inv.Role, inv.InvitedBy = pokot.Role(role), by.Int64
	return inv, err
}

// CreateInvitation stores inv (setting ID and Created) and returns the one-time token to
// e-mail; only its hash is stored. An open invitation of the same address to the same role
// is replaced, so only the newest link works. ECONFLICT ("err.already_member") when the
// address already holds the role, ENOTFOUND when the organisation is missing, EINVALID.
func (db *DB) CreateInvitation(ctx context.Context, inv *pokot.Invitation) (string, error) {
	email, err := pokot.NormalizeEmail(inv.Email)
	if err != nil {
		return "", err
	}
	if !inv.Role.Valid() {
		return "", invalidRole()
	}
	if inv.Expires.IsZero() {
		return "", pokot.Errorf(pokot.EINVALID, "invitation expiry is required")
	}
	inv.Email = email
	inv.Expires = inv.Expires.UTC().Truncate(timeUnit)
	inv.Created = db.now().UTC().Truncate(timeUnit)
	inv.AcceptedAt = nil
	secret, hash := newToken()
	err = db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockOrg(ctx, tx, inv.OrgID); err != nil {
			return err
		}
		var n int
		err := tx.QueryRowContext(ctx, `
			SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
			WHERE m.org_id = $1 AND u.email = $2 AND m.role = $3`,
			inv.OrgID, inv.Email, string(inv.Role)).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return &pokot.Error{Code: pokot.ECONFLICT, Field: "email", Key: "err.already_member",
				Message: "the address already holds this role"}
		}
		if _, err := tx.ExecContext(ctx, `
			DELETE FROM invitations WHERE org_id = $1 AND email = $2 AND role = $3 AND accepted_at IS NULL`,
			inv.OrgID, inv.Email, string(inv.Role)); err != nil {
			return err
		}
		var by any
		if inv.InvitedBy != 0 {
			by = inv.InvitedBy
		}
		return tx.QueryRowContext(ctx, `
			INSERT INTO invitations (org_id, email, role, invited_by, token_hash, expires_at, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			inv.OrgID, inv.Email, string(inv.Role), by, hash, db.ts(inv.Expires), db.ts(inv.Created)).Scan(&inv.ID)
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// Invitations lists the open (not accepted, not expired) invitations of an organisation,
// newest first.
func (db *DB) Invitations(ctx context.Context, orgID int64, now time.Time) ([]*pokot.Invitation, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT `+invitationColumns+` FROM invitations i
		WHERE i.org_id = $1 AND i.accepted_at IS NULL AND i.expires_at > $2
		ORDER BY i.created_at DESC, i.id DESC`, orgID, db.ts(now))
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var invs []*pokot.Invitation
	for rows.Next() {
		inv, err := scanInvitation(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		invs = append(invs, inv)
	}
	return invs, mapErr(rows.Err())
}

// InvitationByToken returns ENOTFOUND for an unknown, used or expired token.
func (db *DB) InvitationByToken(ctx context.Context, token string, now time.Time) (*pokot.Invitation, error) {
	inv, err := scanInvitation(db.r.QueryRowContext(ctx, `
		SELECT `+invitationColumns+` FROM invitations i
		WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $2`,
		hashToken(token), db.ts(now)))
	if err != nil {
		return nil, mapErr(noRows(err, "invitation"))
	}
	return inv, nil
}

// AcceptInvitation marks the invitation used and grants its role to userID, atomically.
// ENOTFOUND for an unknown, used or expired token or a missing user.
func (db *DB) AcceptInvitation(ctx context.Context, token string, userID int64, now time.Time) (*pokot.Invitation, error) {
	var inv *pokot.Invitation
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		inv, err = scanInvitation(tx.QueryRowContext(ctx, `
			UPDATE invitations SET accepted_at = $1
			WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1
			RETURNING id, org_id, email, role, invited_by, expires_at, accepted_at, created_at`,
			db.ts(now), hashToken(token)))
		if err != nil {
			return noRows(err, "invitation")
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (org_id, user_id, role) DO NOTHING`,
			inv.OrgID, userID, string(inv.Role), db.ts(now))
		return err
	})
	if err != nil {
		return nil, err
	}
	return inv, nil
}

// CancelInvitation deletes an open invitation of orgID. ENOTFOUND.
func (db *DB) CancelInvitation(ctx context.Context, orgID, invitationID int64) error {
	res, err := db.w.ExecContext(ctx, `DELETE FROM invitations WHERE id = $1 AND org_id = $2 AND accepted_at IS NULL`,
		invitationID, orgID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "invitation"))
}
