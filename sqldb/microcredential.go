package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/pokot/pokot"
)

var _ pokot.MicrocredentialService = (*DB)(nil)

func mcForbidden() error {
	return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.mc.forbidden", Message: "only designers and organisation administrators may do this"}
}

// contentJSON encodes a description for the content column; image bytes go to their own
// column.
func contentJSON(c *pokot.MicrocredentialContent) (string, []byte) {
	b, _ := json.Marshal(c)
	var img []byte
	if c.Image != nil {
		img = c.Image.Data
	}
	return string(b), img
}

// slugify makes an address name from a title: "Hoivarobotiikan perusteet" →
// "hoivarobotiikan-perusteet" (ä → a, ö → o, å → a).
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// roles returns userID's roles in orgID.
func (db *DB) roles(ctx context.Context, q querier, orgID, userID int64) ([]pokot.Role, error) {
	rows, err := q.QueryContext(ctx, `SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2`, orgID, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var rs []pokot.Role
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		rs = append(rs, pokot.Role(r))
	}
	return rs, rows.Err()
}

// history records one audited action.
func (db *DB) history(ctx context.Context, tx *sql.Tx, orgID, mcID int64, version int, userID int64, action, note string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO mc_history (org_id, mc_id, version, user_id, action, note, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, orgID, mcID, version, nullUser(userID), action, note, db.ts(db.now()))
	return err
}

func nullUser(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateMicrocredential creates a POK with draft version 1.
func (db *DB) CreateMicrocredential(ctx context.Context, orgID, userID int64, slug string, c *pokot.MicrocredentialContent) (*pokot.Microcredential, *pokot.MicrocredentialVersion, error) {
	if err := pokot.ValidateDraft(c); err != nil {
		return nil, nil, err
	}
	if err := pokot.CheckOutcomeIDs(c); err != nil {
		return nil, nil, err
	}
	pokot.AssignOutcomeIDs(c, nil)
	if slug == "" {
		slug = slugify(c.Title.Get(pokot.Finnish))
	}
	if !pokot.ValidSlug(slug) {
		return nil, nil, pokot.FieldError("slug", "err.mc.slug_invalid", "the address name may have lowercase letters, digits and hyphens")
	}
	now := db.now()
	m := &pokot.Microcredential{OrgID: orgID, Slug: slug, CurrentVersion: 1, CreatedBy: userID, Created: now.UTC().Truncate(timeUnit)}
	var v *pokot.MicrocredentialVersion
	err := db.tx(ctx, func(tx *sql.Tx) error {
		rs, err := db.roles(ctx, tx, orgID, userID)
		if err != nil {
			return err
		}
		if !pokot.CanDesign(rs) {
			return mcForbidden()
		}
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM microcredentials WHERE org_id = $1 AND slug = $2`, orgID, slug).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return &pokot.Error{Code: pokot.ECONFLICT, Field: "slug", Key: "err.mc.slug_taken", Message: "the address name is taken"}
		}
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO microcredentials (org_id, slug, current_version, published_version, created_by, created_at, updated_at)
			VALUES ($1, $2, 1, 0, $3, $4, $5) RETURNING id`, orgID, slug, userID, db.ts(now), db.ts(now)).Scan(&m.ID); err != nil {
			return err
		}
		v, err = db.insertVersion(ctx, tx, m, 1, userID, c)
		if err != nil {
			return err
		}
		return db.history(ctx, tx, orgID, m.ID, 1, userID, pokot.ActionCreate, "")
	})
	if err != nil {
		return nil, nil, err
	}
	m.Current = v
	return m, v, nil
}

func (db *DB) insertVersion(ctx context.Context, tx *sql.Tx, m *pokot.Microcredential, number int, userID int64, c *pokot.MicrocredentialContent) (*pokot.MicrocredentialVersion, error) {
	now := db.now().UTC().Truncate(timeUnit)
	js, img := contentJSON(c)
	v := &pokot.MicrocredentialVersion{MicrocredentialID: m.ID, OrgID: m.OrgID, Number: number, Status: pokot.StatusDraft,
		Content: *c, Revision: 1, CreatedBy: userID, Created: now, Updated: now, UpdatedBy: userID}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO mc_versions (mc_id, org_id, number, status, content, image, revision, created_by, created_at, updated_by, updated_at)
		VALUES ($1, $2, $3, 'draft', $4, $5, 1, $6, $7, $8, $9) RETURNING id`,
		m.ID, m.OrgID, number, js, img, nullUser(userID), db.ts(now), nullUser(userID), db.ts(now)).Scan(&v.ID)
	return v, err
}

// UpdateDraft saves a draft when its revision is unchanged.
func (db *DB) UpdateDraft(ctx context.Context, orgID, mcID int64, number int, userID int64, c *pokot.MicrocredentialContent, revision int) (*pokot.MicrocredentialVersion, error) {
	if err := pokot.ValidateDraft(c); err != nil {
		return nil, err
	}
	if err := pokot.CheckOutcomeIDs(c); err != nil {
		return nil, err
	}
	var v *pokot.MicrocredentialVersion
	err := db.tx(ctx, func(tx *sql.Tx) error {
		rs, err := db.roles(ctx, tx, orgID, userID)
		if err != nil {
			return err
		}
		if v, err = db.version(ctx, tx, orgID, mcID, number, true); err != nil {
			return err
		}
		if !pokot.CanDesign(rs) {
			return mcForbidden()
		}
		if v.Status != pokot.StatusDraft {
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.mc.not_draft", Message: "only a draft can be edited; make a new version"}
		}
		if v.Revision != revision {
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.mc.stale", Message: "someone saved this draft after you opened it; reload to see their changes"}
		}
		pokot.AssignOutcomeIDs(c, &v.Content) // outcomes sent without their IDs keep them when unchanged
		keep := c.Image != nil && c.Image.Data == nil
		js, img := contentJSON(c)
		now := db.now()
		if _, err := tx.ExecContext(ctx, `
			UPDATE mc_versions SET content = $1, image = CASE WHEN $2 THEN image ELSE $3 END, revision = revision + 1,
				updated_by = $4, updated_at = $5
			WHERE id = $6`, js, keep, img, nullUser(userID), db.ts(now), v.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE microcredentials SET updated_at = $1 WHERE id = $2`, db.ts(now), mcID); err != nil {
			return err
		}
		if err := db.history(ctx, tx, orgID, mcID, number, userID, pokot.ActionUpdate, ""); err != nil {
			return err
		}
		v, err = db.version(ctx, tx, orgID, mcID, number, true)
		return err
	})
	return v, err
}

// NewVersion makes a draft from the newest version.
func (db *DB) NewVersion(ctx context.Context, orgID, mcID, userID int64) (*pokot.MicrocredentialVersion, error) {
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
		if !pokot.CanDesign(rs) {
			return mcForbidden()
		}
		cur, err := db.version(ctx, tx, orgID, mcID, m.CurrentVersion, true)
		if err != nil {
			return err
		}
		if cur.Status != pokot.StatusPublished && cur.Status != pokot.StatusArchived {
			return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.mc.draft_exists", Message: "the newest version is still being worked on"}
		}
		n := m.CurrentVersion + 1
		if v, err = db.insertVersion(ctx, tx, m, n, userID, &cur.Content); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mc_versions SET image = (SELECT image FROM mc_versions WHERE id = $1) WHERE id = $2`, cur.ID, v.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE microcredentials SET current_version = $1, updated_at = $2 WHERE id = $3`, n, db.ts(db.now()), mcID); err != nil {
			return err
		}
		if err := db.history(ctx, tx, orgID, mcID, n, userID, pokot.ActionNewVersion, ""); err != nil {
			return err
		}
		v, err = db.version(ctx, tx, orgID, mcID, n, true)
		return err
	})
	return v, err
}
