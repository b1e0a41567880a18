package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
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
	gen, err := db.bumpGeneration(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO catalog_changes (gen, mc_id) VALUES ($1, $2)`, gen, mcID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM catalog_changes WHERE gen <= $1`, gen-keepChanges); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM catalog WHERE mc_id = $1`, mcID); err != nil {
		return err
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

// searchText returns the stemmed title and body of a description in every language.
func searchText(c *pokot.MicrocredentialContent, orgName pokot.Text) (title, body string) {
	var ts, bs []string
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
		if s := stem.Text(l, t); s != "" {
			ts = append(ts, s)
		}
		if s := stem.Text(l, b); s != "" {
			bs = append(bs, s)
		}
	}
	return strings.Join(ts, " "), strings.Join(bs, " ")
}

// prefix returns the first n characters of an ISCED-F code, "" when it is shorter.
func prefix(code string, n int) string {
	if len(code) < n {
		return ""
	}
	return code[:n]
}

// sortKey is the lower-case title in l for sorting, falling back to Finnish.
func sortKey(t pokot.Text, l pokot.Lang) string {
	s := t[l]
	if strings.TrimSpace(s) == "" {
		s = t[pokot.Finnish]
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// facetPair is one value of one facet of a catalogue entry.
type facetPair struct{ facet, value string }

// sigCodes maps the first byte of a sig token to its facet.
var sigCodes = map[byte]string{'L': pokot.FacetLevel, 'F': pokot.FacetField, 'U': pokot.FacetUnit, 'O': pokot.FacetOrg,
	'J': pokot.FacetJotpa, 'S': pokot.FacetStackable, 'l': pokot.FacetLanguage, 'p': pokot.FacetParticipation, 's': pokot.FacetSkill}

// facetsOf lists the facet values of a description, each once, in a fixed order.
func facetsOf(orgID int64, c *pokot.MicrocredentialContent) []facetPair {
	var fs []facetPair
	seen := map[facetPair]bool{}
	add := func(f, v string) {
		if p := (facetPair{f, v}); v != "" && !seen[p] && !strings.Contains(v, "|") {
			seen[p] = true
			fs = append(fs, p)
		}
	}
	if c.EQFLevel > 0 {
		add(pokot.FacetLevel, strconv.Itoa(c.EQFLevel))
	}
	add(pokot.FacetField, prefix(c.ISCEDField, 2))
	add(pokot.FacetUnit, string(c.Workload.Unit))
	add(pokot.FacetOrg, strconv.FormatInt(orgID, 10))
	if c.Price.Jotpa {
		add(pokot.FacetJotpa, "true")
	}
	if c.Stackability.Kind == pokot.StackQualificationUnit {
		add(pokot.FacetStackable, "true")
	}
	for _, l := range c.Languages {
		add(pokot.FacetLanguage, l)
	}
	for _, p := range c.Participation {
		add(pokot.FacetParticipation, string(p))
	}
	for _, o := range c.Outcomes {
		for _, s := range o.Skills {
			add(pokot.FacetSkill, s.URI)
		}
	}
	return fs
}

// sig packs facet values into the catalog.sig column: "L4|F09|Uosp|O3|J|lfi|s…".
func sig(fs []facetPair) string {
	code := map[string]byte{}
	for b, f := range sigCodes {
		code[f] = b
	}
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		v := f.value
		if f.facet == pokot.FacetJotpa || f.facet == pokot.FacetStackable {
			v = ""
		}
		parts = append(parts, string(code[f.facet])+v)
	}
	return strings.Join(parts, "|")
}

// unsig is the inverse of sig, calling fn for each facet value.
func unsig(s string, fn func(facet, value string)) {
	for len(s) > 0 {
		tok := s
		if i := strings.IndexByte(s, '|'); i >= 0 {
			tok, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if tok == "" {
			continue
		}
		f, ok := sigCodes[tok[0]]
		if !ok {
			continue
		}
		v := tok[1:]
		if f == pokot.FacetJotpa || f == pokot.FacetStackable {
			v = "true"
		}
		fn(f, v)
	}
}

// keepChanges is how many generations of catalog_changes are kept for patching snapshots.
const keepChanges = 10000

// bumpGeneration marks the catalogue changed for every process's snapshot and returns the
// new generation.
func (db *DB) bumpGeneration(ctx context.Context, tx *sql.Tx) (int64, error) {
	var gen int64
	err := tx.QueryRowContext(ctx, `
		INSERT INTO catalog_state (name, n) VALUES ('generation', 1)
		ON CONFLICT (name) DO UPDATE SET n = catalog_state.n + 1 RETURNING n`).Scan(&gen)
	return gen, err
}

func (db *DB) insertCatalog(ctx context.Context, tx *sql.Tx, m *pokot.Microcredential, v *pokot.MicrocredentialVersion, orgName pokot.Text) error {
	c := &v.Content
	title, body := searchText(c, orgName)
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
	fs := facetsOf(m.OrgID, c)
	sg := sig(fs)
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO catalog (mc_id, version_id, org_id, slug, version, published_at, sort_fi, sort_sv, sort_en, level, field,
			field_narrow, field_broad, unit, workload, jotpa, stackable, sig, search_title)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
		m.ID, v.ID, m.OrgID, m.Slug, v.Number, db.ts(published), sortKey(c.Title, pokot.Finnish), sortKey(c.Title, pokot.Swedish),
		sortKey(c.Title, pokot.English), c.EQFLevel, c.ISCEDField, prefix(c.ISCEDField, 3), prefix(c.ISCEDField, 2),
		string(c.Workload.Unit), c.Workload.Value, c.Price.Jotpa, c.Stackability.Kind == pokot.StackQualificationUnit, sg, title); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO catalog_docs (mc_id, content, search_body) VALUES ($1, $2, $3)`, m.ID, string(js), body); err != nil {
		return err
	}
	return nil
}
