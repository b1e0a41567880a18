package sqldb

import (
	"context"
	"database/sql"

	"github.com/pokot/pokot"
)

// Transition moves a version through the workflow (see pokot.CheckTransition); approval
// and publication also pass the quality gate, and publication swaps the catalogue entry.
func (db *DB) Transition(ctx context.Context, orgID, mcID int64, number int, userID int64, to pokot.Status, note string) (*pokot.MicrocredentialVersion, error) {
	var v *pokot.MicrocredentialVersion
	err := db.tx(ctx, func(tx *sql.Tx) error {
		rs, err := db.roles(ctx, tx, orgID, userID)
		if err != nil {
			return err
		}
		m, err := db.lockMicrocredential(ctx, tx, orgID, mcID)
		if err != nil {
			return err
		}
		if v, err = db.version(ctx, tx, orgID, mcID, number, false); err != nil {
			return err
		}
		if err := pokot.CheckTransition(v, to, userID, rs); err != nil {
			return err
		}
		action := pokot.TransitionAction(v.Status, to)
		if to == pokot.StatusApproved || to == pokot.StatusPublished {
			qc, err := db.qualityContext(ctx, tx, m, &v.Content)
			if err != nil {
				return err
			}
			if err := pokot.ValidatePublish(&v.Content, qc); err != nil {
				return err
			}
		}
		now := db.ts(db.now())
		switch action {
		case pokot.ActionSubmit:
			_, err = tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'review' WHERE id = $1`, v.ID)
		case pokot.ActionRequestChanges:
			_, err = tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'draft', approved_by = NULL, approved_at = NULL WHERE id = $1`, v.ID)
		case pokot.ActionApprove:
			_, err = tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'approved', approved_by = $1, approved_at = $2 WHERE id = $3`, userID, now, v.ID)
		case pokot.ActionPublish:
			if m.PublishedVersion > 0 && m.PublishedVersion != number {
				if _, err := tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'archived', archived_at = $1 WHERE mc_id = $2 AND number = $3`,
					now, mcID, m.PublishedVersion); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'published', published_by = $1, published_at = $2 WHERE id = $3`, userID, now, v.ID); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE microcredentials SET published_version = $1 WHERE id = $2`, number, mcID)
		case pokot.ActionArchive:
			if _, err := tx.ExecContext(ctx, `UPDATE mc_versions SET status = 'archived', archived_at = $1 WHERE id = $2`, now, v.ID); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE microcredentials SET published_version = 0 WHERE id = $1 AND published_version = $2`, mcID, number)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE microcredentials SET updated_at = $1 WHERE id = $2`, now, mcID); err != nil {
			return err
		}
		if action == pokot.ActionPublish || action == pokot.ActionArchive {
			if err := db.indexCatalog(ctx, tx, mcID); err != nil {
				return err
			}
		}
		if err := db.history(ctx, tx, orgID, mcID, number, userID, action, note); err != nil {
			return err
		}
		v, err = db.version(ctx, tx, orgID, mcID, number, false)
		return err
	})
	return v, err
}

// qualityContext gathers what the quality gate needs beyond the description.
func (db *DB) qualityContext(ctx context.Context, q querier, m *pokot.Microcredential, c *pokot.MicrocredentialContent) (pokot.QualityContext, error) {
	var qc pokot.QualityContext
	err := q.QueryRowContext(ctx, `
		SELECT o.country,
			(SELECT COUNT(*) FROM mc_partners p WHERE p.mc_id = $1) + (SELECT COUNT(*) FROM mc_signoffs s WHERE s.mc_id = $2)
		FROM organisations o WHERE o.id = $3`, m.ID, m.ID, m.OrgID).Scan(&qc.OrgCountry, &qc.Partners)
	if err != nil {
		return qc, err
	}
	if id := c.Stackability.MicrocredentialID; c.Stackability.Kind == pokot.StackMicrocredential && id > 0 && id != m.ID {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM microcredentials WHERE id = $1 AND (published_version > 0 OR org_id = $2)`,
			id, m.OrgID).Scan(&n); err != nil {
			return qc, err
		}
		qc.StackTargetOK = n > 0
	}
	return qc, nil
}

// QualityChecks runs the quality gate on a version with the context from the database,
// for the checklist shown while editing. ENOTFOUND.
func (db *DB) QualityChecks(ctx context.Context, orgID, mcID int64, number int) ([]pokot.Check, error) {
	m, err := scanMC(db.r.QueryRowContext(ctx, `SELECT `+mcColumns+` FROM microcredentials m WHERE m.org_id = $1 AND m.id = $2`, orgID, mcID))
	if err != nil {
		return nil, mapErr(noRows(err, "microcredential"))
	}
	v, err := db.version(ctx, db.r, orgID, mcID, number, false)
	if err != nil {
		return nil, mapErr(err)
	}
	qc, err := db.qualityContext(ctx, db.r, m, &v.Content)
	if err != nil {
		return nil, mapErr(err)
	}
	return pokot.Quality(&v.Content, qc), nil
}

// MicrocredentialAccess says what userID may do with a POK of orgID.
func (db *DB) MicrocredentialAccess(ctx context.Context, orgID, mcID, userID int64) (*pokot.Access, error) {
	a, err := db.access(ctx, db.r, orgID, mcID, userID)
	return a, mapErr(err)
}

func (db *DB) access(ctx context.Context, q querier, orgID, mcID, userID int64) (*pokot.Access, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM microcredentials WHERE org_id = $1 AND id = $2`, orgID, mcID).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, notFound("microcredential")
	}
	rs, err := db.roles(ctx, q, orgID, userID)
	if err != nil {
		return nil, err
	}
	a := &pokot.Access{Roles: rs}
	switch {
	case pokot.CanDesign(rs):
		a.View, a.Edit, a.Comment, a.Approve, a.Publish = true, true, true, true, true
		return a, nil
	case len(rs) > 0 && containsRole(rs, pokot.RoleAssessor):
		a.View = true
	}
	if err := q.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM mc_partners p JOIN users u ON u.email = p.email WHERE p.mc_id = $1 AND u.id = $2`,
		mcID, userID).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		a.View, a.Comment, a.SignOff, a.Partner = true, true, true, true
	}
	if !a.View {
		return nil, notFound("microcredential")
	}
	return a, nil
}

func containsRole(rs []pokot.Role, r pokot.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
