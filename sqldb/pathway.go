package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

var _ pokot.PathwayService = (*DB)(nil)

const pathwayCols = `id, org_id, name, description, target, required, COALESCE(created_by, 0), created_at, updated_at`

func scanPathway(s interface{ Scan(...any) error }) (*pokot.Pathway, error) {
	p := &pokot.Pathway{}
	var name, desc, target string
	if err := s.Scan(&p.ID, &p.OrgID, &name, &desc, &target, &p.Required, &p.CreatedBy, timeCol{&p.Created}, timeCol{&p.Updated}); err != nil {
		return nil, err
	}
	json.Unmarshal([]byte(name), &p.Name)
	json.Unmarshal([]byte(desc), &p.Description)
	json.Unmarshal([]byte(target), &p.Target)
	return p, nil
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// checkPathway checks the user's roles and that every member is a published POK of the
// organisation, inside tx.
func (db *DB) checkPathway(ctx context.Context, tx *sql.Tx, p *pokot.Pathway, userID int64) error {
	if err := pokot.ValidatePathway(p); err != nil {
		return err
	}
	rs, err := db.roles(ctx, tx, p.OrgID, userID)
	if err != nil {
		return err
	}
	if !slices.Contains(rs, pokot.RoleDesigner) && !slices.Contains(rs, pokot.RoleOrgAdmin) {
		return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.pathway.forbidden", Message: "only designers and organisation administrators may define pathways"}
	}
	var errs pokot.Errors
	for i, id := range p.Members {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM microcredentials WHERE id = $1 AND org_id = $2 AND published_version > 0`,
			id, p.OrgID).Scan(&n)
		if err != nil {
			return err
		}
		if n == 0 {
			errs = append(errs, pokot.FieldError(fmt.Sprintf("members[%d]", i), "err.pathway.unknown_member",
				fmt.Sprintf("POK %d is not a published POK of this organisation", id)))
		}
	}
	return errs.Err()
}

func (db *DB) writeMembers(ctx context.Context, tx *sql.Tx, p *pokot.Pathway) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM pathway_members WHERE pathway_id = $1`, p.ID); err != nil {
		return err
	}
	for i, id := range p.Members {
		if _, err := tx.ExecContext(ctx, `INSERT INTO pathway_members (pathway_id, mc_id, position) VALUES ($1, $2, $3)`, p.ID, id, i); err != nil {
			return err
		}
	}
	return nil
}

// CreatePathway implements pokot.PathwayService.
func (db *DB) CreatePathway(ctx context.Context, p *pokot.Pathway, userID int64) error {
	now := db.now().UTC().Truncate(timeUnit)
	return mapErr(db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.checkPathway(ctx, tx, p, userID); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO pathways (org_id, name, description, target, required, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, p.OrgID, jsonText(p.Name), jsonText(p.Description),
			jsonText(p.Target), p.Required, nullUser(userID), db.ts(now), db.ts(now)).Scan(&p.ID)
		if err != nil {
			return err
		}
		p.CreatedBy, p.Created, p.Updated = userID, now, now
		return db.writeMembers(ctx, tx, p)
	}))
}

// UpdatePathway implements pokot.PathwayService.
func (db *DB) UpdatePathway(ctx context.Context, p *pokot.Pathway, userID int64) error {
	now := db.now().UTC().Truncate(timeUnit)
	return mapErr(db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.checkPathway(ctx, tx, p, userID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE pathways SET name = $1, description = $2, target = $3, required = $4, updated_at = $5
			WHERE id = $6 AND org_id = $7`, jsonText(p.Name), jsonText(p.Description), jsonText(p.Target), p.Required, db.ts(now), p.ID, p.OrgID)
		if err != nil {
			return err
		}
		if err := affected(res, "pathway"); err != nil {
			return err
		}
		p.Updated = now
		return db.writeMembers(ctx, tx, p)
	}))
}

// pathways reads pathways with their members.
func (db *DB) pathways(ctx context.Context, where string, args ...any) ([]*pokot.Pathway, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+pathwayCols+` FROM pathways `+where, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	var out []*pokot.Pathway
	byID := map[int64]*pokot.Pathway{}
	for rows.Next() {
		p, err := scanPathway(rows)
		if err != nil {
			rows.Close()
			return nil, mapErr(err)
		}
		out = append(out, p)
		byID[p.ID] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	for _, p := range out {
		ms, err := db.r.QueryContext(ctx, `SELECT mc_id FROM pathway_members WHERE pathway_id = $1 ORDER BY position`, p.ID)
		if err != nil {
			return nil, mapErr(err)
		}
		for ms.Next() {
			var id int64
			if err := ms.Scan(&id); err != nil {
				ms.Close()
				return nil, mapErr(err)
			}
			p.Members = append(p.Members, id)
		}
		ms.Close()
		if err := ms.Err(); err != nil {
			return nil, mapErr(err)
		}
	}
	return out, nil
}

// Pathway implements pokot.PathwayService.
func (db *DB) Pathway(ctx context.Context, id int64) (*pokot.Pathway, error) {
	ps, err := db.pathways(ctx, `WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, notFound("pathway")
	}
	return ps[0], nil
}

// Pathways implements pokot.PathwayService.
func (db *DB) Pathways(ctx context.Context, orgID int64) ([]*pokot.Pathway, error) {
	return db.pathways(ctx, `WHERE org_id = $1 ORDER BY id DESC`, orgID)
}

// PathwaysWithMember implements pokot.PathwayService.
func (db *DB) PathwaysWithMember(ctx context.Context, orgID, mcID int64) ([]*pokot.Pathway, error) {
	return db.pathways(ctx, `WHERE org_id = $1 AND id IN (SELECT pathway_id FROM pathway_members WHERE mc_id = $2) ORDER BY id`, orgID, mcID)
}

// PathwayProgress implements pokot.PathwayService. A credential counts when it is issued by
// the pathway's organisation for an offering of a member POK and is neither revoked nor
// suspended; of several for one POK the first issued counts.
func (db *DB) PathwayProgress(ctx context.Context, p *pokot.Pathway, email string) ([]*pokot.PathwayProgress, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	q := `SELECT i.email, o.mc_id, i.credential_id, i.issued_at FROM issued_credentials i
		JOIN offerings o ON o.id = i.offering_id
		JOIN pathway_members m ON m.mc_id = o.mc_id AND m.pathway_id = $1
		WHERE i.org_id = $2 AND i.state = 'issued' AND i.revoked_at IS NULL AND i.suspended_at IS NULL`
	args := []any{p.ID, p.OrgID}
	if email != "" {
		q += ` AND i.email = $3`
		args = append(args, email)
	}
	rows, err := db.r.QueryContext(ctx, q+` ORDER BY i.email, m.position, i.issued_at, i.id`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []*pokot.PathwayProgress
	by := map[string]*pokot.PathwayProgress{}
	if email != "" {
		by[email] = &pokot.PathwayProgress{Email: email}
		out = append(out, by[email])
	}
	for rows.Next() {
		var h pokot.PathwayHolding
		var e string
		var at *time.Time
		if err := rows.Scan(&e, &h.MicrocredentialID, &h.CredentialID, nullTimeCol{&at}); err != nil {
			return nil, mapErr(err)
		}
		if at != nil {
			h.IssuedAt = *at
		}
		pr := by[e]
		if pr == nil {
			pr = &pokot.PathwayProgress{Email: e}
			by[e] = pr
			out = append(out, pr)
		}
		if len(pr.Held) == 0 || pr.Held[len(pr.Held)-1].MicrocredentialID != h.MicrocredentialID {
			pr.Held = append(pr.Held, h)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	rows.Close()
	for _, pr := range out {
		pr.Need = p.Need()
		pr.Complete = len(pr.Held) >= pr.Need && pr.Need > 0
		err := db.r.QueryRowContext(ctx, `SELECT credential_id FROM pathway_credentials WHERE pathway_id = $1 AND email = $2 AND state = 'issued'`,
			p.ID, pr.Email).Scan(&pr.CredentialID)
		if err != nil && err != sql.ErrNoRows {
			return nil, mapErr(err)
		}
	}
	return out, nil
}
