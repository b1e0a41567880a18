package sqldb

import (
	"context"
	"database/sql"

	"github.com/pokot/pokot"
)

// AddPartner invites a working-life partner by e-mail to co-design a POK.
func (db *DB) AddPartner(ctx context.Context, orgID, mcID, userID int64, email string) (*pokot.PartnerGrant, error) {
	email, err := pokot.NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	g := &pokot.PartnerGrant{OrgID: orgID, MicrocredentialID: mcID, Email: email, InvitedBy: userID}
	err = db.tx(ctx, func(tx *sql.Tx) error {
		rs, err := db.roles(ctx, tx, orgID, userID)
		if err != nil {
			return err
		}
		if _, err := db.lockMicrocredential(ctx, tx, orgID, mcID); err != nil {
			return err
		}
		if !pokot.CanDesign(rs) {
			return mcForbidden()
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mc_partners WHERE mc_id = $1 AND email = $2`, mcID, email).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &pokot.Error{Code: pokot.ECONFLICT, Field: "email", Key: "err.mc.partner_exists", Message: "this partner is already invited"}
		}
		now := db.now()
		g.Created = now.UTC().Truncate(timeUnit)
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO mc_partners (org_id, mc_id, email, invited_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			orgID, mcID, email, userID, db.ts(now)).Scan(&g.ID); err != nil {
			return err
		}
		var uid sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM users WHERE email = $1`, email).Scan(&uid); err != nil {
			return err
		}
		g.UserID = idPtr(uid)
		return db.history(ctx, tx, orgID, mcID, 0, userID, pokot.ActionPartnerAdd, email)
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// RemovePartner withdraws a partner's invitation.
func (db *DB) RemovePartner(ctx context.Context, orgID, mcID, userID, grantID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		rs, err := db.roles(ctx, tx, orgID, userID)
		if err != nil {
			return err
		}
		if !pokot.CanDesign(rs) {
			return mcForbidden()
		}
		var email string
		if err := tx.QueryRowContext(ctx, `DELETE FROM mc_partners WHERE id = $1 AND mc_id = $2 AND org_id = $3 RETURNING email`,
			grantID, mcID, orgID).Scan(&email); err != nil {
			return noRows(err, "partner")
		}
		return db.history(ctx, tx, orgID, mcID, 0, userID, pokot.ActionPartnerRemove, email)
	})
}

// Partners lists the partners invited to a POK, in the order they were invited.
func (db *DB) Partners(ctx context.Context, orgID, mcID int64) ([]*pokot.PartnerGrant, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT p.id, p.org_id, p.mc_id, p.email, (SELECT MAX(u.id) FROM users u WHERE u.email = p.email), COALESCE(p.invited_by, 0), p.created_at
		FROM mc_partners p WHERE p.org_id = $1 AND p.mc_id = $2 ORDER BY p.id`, orgID, mcID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var gs []*pokot.PartnerGrant
	for rows.Next() {
		g := &pokot.PartnerGrant{}
		var uid sql.NullInt64
		if err := rows.Scan(&g.ID, &g.OrgID, &g.MicrocredentialID, &g.Email, &uid, &g.InvitedBy, timeCol{&g.Created}); err != nil {
			return nil, mapErr(err)
		}
		g.UserID = idPtr(uid)
		gs = append(gs, g)
	}
	return gs, mapErr(rows.Err())
}

// SignOff records a partner's acceptance of a version.
func (db *DB) SignOff(ctx context.Context, orgID, mcID int64, number int, userID int64, note string) (*pokot.SignOff, error) {
	s := &pokot.SignOff{OrgID: orgID, MicrocredentialID: mcID, Version: number, UserID: userID, Note: note}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		a, err := db.access(ctx, tx, orgID, mcID, userID)
		if err != nil {
			return err
		}
		if !a.SignOff {
			return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.mc.signoff_partner_only", Message: "only an invited working-life partner can sign off"}
		}
		if _, err := db.version(ctx, tx, orgID, mcID, number, false); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mc_signoffs WHERE mc_id = $1 AND version = $2 AND user_id = $3`,
			mcID, number, userID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.mc.signed_already", Message: "you have already signed off this version"}
		}
		now := db.now()
		s.Created = now.UTC().Truncate(timeUnit)
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO mc_signoffs (org_id, mc_id, version, user_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			orgID, mcID, number, userID, note, db.ts(now)).Scan(&s.ID); err != nil {
			return err
		}
		return db.history(ctx, tx, orgID, mcID, number, userID, pokot.ActionSignOff, note)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// SignOffs lists a POK's partner sign-offs, oldest first, with the partners' names.
func (db *DB) SignOffs(ctx context.Context, orgID, mcID int64) ([]*pokot.SignOff, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT s.id, s.org_id, s.mc_id, s.version, COALESCE(s.user_id, 0), s.note, s.created_at, COALESCE(u.name, '')
		FROM mc_signoffs s LEFT JOIN users u ON u.id = s.user_id
		WHERE s.org_id = $1 AND s.mc_id = $2 ORDER BY s.id`, orgID, mcID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ss []*pokot.SignOff
	for rows.Next() {
		s := &pokot.SignOff{}
		if err := rows.Scan(&s.ID, &s.OrgID, &s.MicrocredentialID, &s.Version, &s.UserID, &s.Note, timeCol{&s.Created}, &s.UserName); err != nil {
			return nil, mapErr(err)
		}
		ss = append(ss, s)
	}
	return ss, mapErr(rows.Err())
}
