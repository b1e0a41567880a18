package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/stem"
)

// searchLangs are the languages whose stemmers index the catalogue and read queries.
var searchLangs = []string{"fi", "sv", "en"}

// indexCatalog makes the catalogue entry of a POK match its published version: removed when
// none is published, replaced otherwise. It runs in the transaction that publishes or
// archives.
func (db *DB) indexCatalog(ctx context.Context, tx *sql.Tx, mcID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM catalog WHERE mc_id = $1`, mcID); err != nil {
		return err
	}
	if db.dialect == SQLite {
		if _, err := tx.ExecContext(ctx, `DELETE FROM catalog_fts WHERE rowid = $1`, mcID); err != nil {
			return err
		}
	}
	m, err := scanMC(tx.QueryRowContext(ctx, `SELECT `+mcColumns+` FROM microcredentials m WHERE m.id = $1`, mcID))
	if err != nil {
		return err
	}
	if m.PublishedVersion == 0 {
		return nil
	}
	v, err := db.version(ctx, tx, m.OrgID, m.ID, m.PublishedVersion, false)
	if err != nil {
		return err
	}
	var orgName pokot.Text
	if err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, m.OrgID).Scan(textCol{&orgName}); err != nil {
		return err
	}
	return db.insertCatalog(ctx, tx, m, v, orgName)
}

// searchText returns the stemmed title and body of a description in every language, and
// the raw text per language for PostgreSQL's text search configurations.
func searchText(c *pokot.MicrocredentialContent, orgName pokot.Text) (title, body string, raw map[string][2]string) {
	var ts, bs []string
	raw = map[string][2]string{}
	for _, l := range searchLangs {
		lang := pokot.Lang(l)
		t := c.Title[lang]
		parts := []string{c.Description[lang], c.TargetGroup[lang], orgName[lang], strings.Join(c.Keywords[lang], " "),
			c.Stackability.Unit.Name[lang]}
		for _, o := range c.Outcomes {
			parts = append(parts, o.Text[lang])
			for _, s := range o.Skills {
				parts = append(parts, s.Label[lang])
			}
			for _, s := range o.Occupations {
				parts = append(parts, s.Label[lang])
			}
		}
		if f, ok := pokot.ISCEDFieldByCode(c.ISCEDField); ok {
			parts = append(parts, f.Name[lang])
		}
		b := strings.Join(parts, " ")
		raw[l] = [2]string{t, b}
		if s := stem.Text(l, t); s != "" {
			ts = append(ts, s)
		}
		if s := stem.Text(l, b); s != "" {
			bs = append(bs, s)
		}
	}
	return strings.Join(ts, " "), strings.Join(bs, " "), raw
}

// prefix returns the first n characters of an ISCED-F code, "" when it is shorter.
func prefix(code string, n int) string {
	if len(code) < n {
		return ""
	}
	return code[:n]
}

func (db *DB) insertCatalog(ctx context.Context, tx *sql.Tx, m *pokot.Microcredential, v *pokot.MicrocredentialVersion, orgName pokot.Text) error {
	c := &v.Content
	title, body, raw := searchText(c, orgName)
	listing := *c
	if listing.Image != nil {
		img := *listing.Image
		img.Data = nil
		listing.Image = &img
	}
	js, _ := json.Marshal(&listing)
	published := db.now()
	if v.PublishedAt != nil {
		published = *v.PublishedAt
	}
	stackable := c.Stackability.Kind == pokot.StackQualificationUnit
	args := []any{m.ID, v.ID, m.OrgID, m.Slug, v.Number, db.ts(published), c.Title[pokot.Finnish], c.Title[pokot.Swedish], c.Title[pokot.English],
		c.EQFLevel, c.ISCEDField, prefix(c.ISCEDField, 3), prefix(c.ISCEDField, 2), string(c.Workload.Unit), c.Workload.Value, c.Price.Jotpa, stackable, string(js),
		title, body, title + " " + body}
	cols := `mc_id, version_id, org_id, slug, version, published_at, title_fi, title_sv, title_en, level, field, field_narrow, field_broad, unit, workload,
		jotpa, stackable, content, search_title, search_body, search_text`
	vals := `$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21`
	if db.dialect == Postgres {
		cols += `, tsv`
		vals += `, setweight(to_tsvector('finnish', $22), 'A') || setweight(to_tsvector('swedish', $23), 'A') ||
			setweight(to_tsvector('english', $24), 'A') || setweight(to_tsvector('finnish', $25), 'B') ||
			setweight(to_tsvector('swedish', $26), 'B') || setweight(to_tsvector('english', $27), 'B')`
		args = append(args, raw["fi"][0], raw["sv"][0], raw["en"][0], raw["fi"][1], raw["sv"][1], raw["en"][1])
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO catalog (`+cols+`) VALUES (`+vals+`)`, args...); err != nil {
		return err
	}
	if db.dialect == SQLite {
		if _, err := tx.ExecContext(ctx, `INSERT INTO catalog_fts (rowid, title, body) VALUES ($1, $2, $3)`, m.ID, title, body); err != nil {
			return err
		}
	}
	facets := map[[2]string]bool{}
	for _, l := range c.Languages {
		facets[[2]string{pokot.FacetLanguage, l}] = true
	}
	for _, p := range c.Participation {
		facets[[2]string{pokot.FacetParticipation, string(p)}] = true
	}
	for _, o := range c.Outcomes {
		for _, s := range o.Skills {
			facets[[2]string{pokot.FacetSkill, s.URI}] = true
		}
	}
	for f := range facets {
		if _, err := tx.ExecContext(ctx, `INSERT INTO catalog_facets (mc_id, facet, value) VALUES ($1, $2, $3)`, m.ID, f[0], f[1]); err != nil {
			return err
		}
	}
	return nil
}
