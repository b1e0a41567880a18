package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/pokot/pokot"
)

const mcColumns = `m.id, m.org_id, m.slug, m.current_version, m.published_version, COALESCE(m.created_by, 0), m.created_at`

func scanMC(s interface{ Scan(...any) error }) (*pokot.Microcredential, error) {
	m := &pokot.Microcredential{}
	err := s.Scan(&m.ID, &m.OrgID, &m.Slug, &m.CurrentVersion, &m.PublishedVersion, &m.CreatedBy, timeCol{&m.Created})
	return m, err
}

// versionColumns selects a version; withImage chooses whether the image bytes come along.
func versionColumns(withImage bool) string {
	img := "NULL"
	if withImage {
		img = "v.image"
	}
	return `v.id, v.mc_id, v.org_id, v.number, v.status, v.content, ` + img + `, v.revision, COALESCE(v.created_by, 0),
		v.created_at, COALESCE(v.updated_by, 0), v.updated_at, v.approved_by, v.approved_at, v.published_by, v.published_at, v.archived_at`
}

func scanVersion(s interface{ Scan(...any) error }) (*pokot.MicrocredentialVersion, error) {
	v := &pokot.MicrocredentialVersion{}
	var status, content string
	var img []byte
	var approvedBy, publishedBy sql.NullInt64
	err := s.Scan(&v.ID, &v.MicrocredentialID, &v.OrgID, &v.Number, &status, &content, &img, &v.Revision, &v.CreatedBy,
		timeCol{&v.Created}, &v.UpdatedBy, timeCol{&v.Updated}, &approvedBy, nullTimeCol{&v.ApprovedAt},
		&publishedBy, nullTimeCol{&v.PublishedAt}, nullTimeCol{&v.ArchivedAt})
	if err != nil {
		return nil, err
	}
	v.Status = pokot.Status(status)
	v.ApprovedBy, v.PublishedBy = idPtr(approvedBy), idPtr(publishedBy)
	if err := json.Unmarshal([]byte(content), &v.Content); err != nil {
		return nil, fmt.Errorf("sqldb: version %d content: %w", v.ID, err)
	}
	pokot.LegacyOutcomeIDs(&v.Content) // stored before outcomes had IDs: read with their positions'
	if v.Content.Image != nil && img != nil {
		v.Content.Image.Data = img
	}
	return v, nil
}

// version reads one version of a POK of orgID.
func (db *DB) version(ctx context.Context, q querier, orgID, mcID int64, number int, withImage bool) (*pokot.MicrocredentialVersion, error) {
	v, err := scanVersion(q.QueryRowContext(ctx, `SELECT `+versionColumns(withImage)+`
		FROM mc_versions v WHERE v.org_id = $1 AND v.mc_id = $2 AND v.number = $3`, orgID, mcID, number))
	return v, noRows(err, "version")
}

// lockMicrocredential reads a POK of orgID and locks its row until the transaction ends.
func (db *DB) lockMicrocredential(ctx context.Context, tx *sql.Tx, orgID, mcID int64) (*pokot.Microcredential, error) {
	m, err := scanMC(tx.QueryRowContext(ctx, `SELECT `+mcColumns+` FROM microcredentials m WHERE m.org_id = $1 AND m.id = $2`+db.forUpdate(), orgID, mcID))
	return m, noRows(err, "microcredential")
}

// fill sets Current and Published.
func (db *DB) fill(ctx context.Context, q querier, m *pokot.Microcredential, withImage bool) error {
	var err error
	if m.Current, err = db.version(ctx, q, m.OrgID, m.ID, m.CurrentVersion, withImage); err != nil {
		return err
	}
	if m.PublishedVersion == m.CurrentVersion {
		m.Published = m.Current
	} else if m.PublishedVersion > 0 {
		if m.Published, err = db.version(ctx, q, m.OrgID, m.ID, m.PublishedVersion, withImage); err != nil {
			return err
		}
	}
	return nil
}

// Microcredential returns a POK with Current and Published filled.
func (db *DB) Microcredential(ctx context.Context, orgID, id int64) (*pokot.Microcredential, error) {
	m, err := scanMC(db.r.QueryRowContext(ctx, `SELECT `+mcColumns+` FROM microcredentials m WHERE m.org_id = $1 AND m.id = $2`, orgID, id))
	if err != nil {
		return nil, mapErr(noRows(err, "microcredential"))
	}
	return m, mapErr(db.fill(ctx, db.r, m, true))
}

// MicrocredentialBySlug is Microcredential by slug.
func (db *DB) MicrocredentialBySlug(ctx context.Context, orgID int64, slug string) (*pokot.Microcredential, error) {
	m, err := scanMC(db.r.QueryRowContext(ctx, `SELECT `+mcColumns+` FROM microcredentials m WHERE m.org_id = $1 AND m.slug = $2`, orgID, slug))
	if err != nil {
		return nil, mapErr(noRows(err, "microcredential"))
	}
	return m, mapErr(db.fill(ctx, db.r, m, true))
}

// PublishedMicrocredential returns a POK of any organisation with its published version.
func (db *DB) PublishedMicrocredential(ctx context.Context, id int64) (*pokot.Microcredential, error) {
	m, err := scanMC(db.r.QueryRowContext(ctx, `SELECT `+mcColumns+` FROM microcredentials m WHERE m.id = $1 AND m.published_version > 0`, id))
	if err != nil {
		return nil, mapErr(noRows(err, "microcredential"))
	}
	if m.Published, err = db.version(ctx, db.r, m.OrgID, m.ID, m.PublishedVersion, true); err != nil {
		return nil, mapErr(err)
	}
	return m, nil
}

// MicrocredentialVersion returns one version with its content and image.
func (db *DB) MicrocredentialVersion(ctx context.Context, orgID, mcID int64, number int) (*pokot.MicrocredentialVersion, error) {
	v, err := db.version(ctx, db.r, orgID, mcID, number, true)
	return v, mapErr(err)
}

// MicrocredentialVersions lists every version of a POK, newest first, without image bytes.
func (db *DB) MicrocredentialVersions(ctx context.Context, orgID, mcID int64) ([]*pokot.MicrocredentialVersion, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+versionColumns(false)+`
		FROM mc_versions v WHERE v.org_id = $1 AND v.mc_id = $2 ORDER BY v.number DESC`, orgID, mcID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var vs []*pokot.MicrocredentialVersion
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		vs = append(vs, v)
	}
	return vs, mapErr(rows.Err())
}

// Microcredentials lists an organisation's POKs, most recently updated first, with
// Current and Published filled (without image bytes); status filters on Current.
func (db *DB) Microcredentials(ctx context.Context, orgID int64, status pokot.Status) ([]*pokot.Microcredential, error) {
	return db.listMC(ctx, `SELECT `+mcColumns+` FROM microcredentials m
		JOIN mc_versions v ON v.mc_id = m.id AND v.number = m.current_version
		WHERE m.org_id = $1 AND ($2 = '' OR v.status = $3) ORDER BY m.updated_at DESC, m.id DESC`, orgID, string(status), string(status))
}

// PartnerMicrocredentials lists the POKs a user is invited to as a partner.
func (db *DB) PartnerMicrocredentials(ctx context.Context, userID int64) ([]*pokot.Microcredential, error) {
	return db.listMC(ctx, `SELECT `+mcColumns+` FROM microcredentials m
		JOIN mc_partners p ON p.mc_id = m.id JOIN users u ON u.email = p.email
		WHERE u.id = $1 ORDER BY m.updated_at DESC, m.id DESC`, userID)
}

func (db *DB) listMC(ctx context.Context, query string, args ...any) ([]*pokot.Microcredential, error) {
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	var ms []*pokot.Microcredential
	for rows.Next() {
		m, err := scanMC(rows)
		if err != nil {
			rows.Close()
			return nil, mapErr(err)
		}
		ms = append(ms, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	for _, m := range ms {
		if err := db.fill(ctx, db.r, m, false); err != nil {
			return nil, mapErr(err)
		}
	}
	return ms, nil
}

// MicrocredentialHistory lists the audit trail of a POK, oldest first.
func (db *DB) MicrocredentialHistory(ctx context.Context, orgID, mcID int64) ([]*pokot.HistoryEntry, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT id, org_id, mc_id, version, COALESCE(user_id, 0), action, note, created_at
		FROM mc_history WHERE org_id = $1 AND mc_id = $2 ORDER BY id`, orgID, mcID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var hs []*pokot.HistoryEntry
	for rows.Next() {
		h := &pokot.HistoryEntry{}
		if err := rows.Scan(&h.ID, &h.OrgID, &h.MicrocredentialID, &h.Version, &h.UserID, &h.Action, &h.Note, timeCol{&h.Created}); err != nil {
			return nil, mapErr(err)
		}
		hs = append(hs, h)
	}
	return hs, mapErr(rows.Err())
}

// BadgeImage returns the image of a version that has been published, for the public pages
// (drafts' images come with MicrocredentialVersion). ENOTFOUND otherwise.
func (db *DB) BadgeImage(ctx context.Context, versionID int64) (*pokot.BadgeImage, error) {
	v, err := scanVersion(db.r.QueryRowContext(ctx, `SELECT `+versionColumns(true)+` FROM mc_versions v WHERE v.id = $1 AND v.published_at IS NOT NULL`, versionID))
	if err != nil {
		return nil, mapErr(noRows(err, "image"))
	}
	if v.Content.Image == nil || len(v.Content.Image.Data) == 0 {
		return nil, mapErr(notFound("image"))
	}
	return v.Content.Image, nil
}
