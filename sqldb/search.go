package sqldb

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/stem"
)

// The catalogue search. Every published version has a row in catalog with its title and
// body stemmed in all three languages (search_index.go). A query is split into words; each
// word becomes its stems in Finnish, Swedish and English (stem.Query), and a POK matches
// when, for every word, one of the stems occurs as a substring of its stemmed text — so
// "robotiikka" (stem "roboti…") finds "Hoivarobotiikan perusteet" (stem "hoivarobotiik").
// The substring test is served by an index on each engine (matchText): on SQLite an FTS5
// table with the trigram tokenizer, on PostgreSQL a pg_trgm GIN index with LIKE. Stems
// shorter than three letters cannot use trigrams and fall back to scanning search_text.
// Ranking puts title hits above body hits: FTS5's bm25 with the title column weighted ten
// times, or on PostgreSQL ten points per word found in the title plus ts_rank over the
// finnish/swedish/english tsvector.

// maxSkillFacets bounds the skill facet, which can have as many values as ESCO has skills.
const maxSkillFacets = 30

// args numbers bind parameters in the order they are written into the SQL text.
type args struct{ vs []any }

func (a *args) p(v any) string {
	a.vs = append(a.vs, v)
	return "$" + strconv.Itoa(len(a.vs))
}

// searchTerms is a parsed query: for each word, the stems to look for.
type searchTerms [][]string

func (t searchTerms) long() (fts string, ok bool) {
	var groups []string
	for _, alts := range t {
		if !allLong(alts) {
			continue
		}
		var qs []string
		for _, s := range alts {
			qs = append(qs, `"`+strings.ReplaceAll(s, `"`, `""`)+`"`)
		}
		groups = append(groups, "("+strings.Join(qs, " OR ")+")")
	}
	return strings.Join(groups, " AND "), len(groups) > 0
}

func allLong(alts []string) bool {
	for _, s := range alts {
		if len([]rune(s)) < 3 {
			return false
		}
	}
	return true
}

// from writes the FROM clause and the score expression of a search: the dialect branch.
func (db *DB) from(a *args, terms searchTerms, raw string) (from, score string) {
	if db.dialect == SQLite {
		if fts, ok := terms.long(); ok {
			return ` FROM catalog c JOIN (SELECT rowid AS id, bm25(catalog_fts, 10.0, 1.0) AS rank FROM catalog_fts
				WHERE catalog_fts MATCH ` + a.p(fts) + `) s ON s.id = c.mc_id`, `-s.rank`
		}
		return ` FROM catalog c`, `0`
	}
	if len(terms) == 0 {
		return ` FROM catalog c`, `0`
	}
	var hits []string
	for _, alts := range terms {
		var ors []string
		for _, s := range alts {
			ors = append(ors, `c.search_title LIKE `+a.p("%"+s+"%"))
		}
		hits = append(hits, `(CASE WHEN `+strings.Join(ors, " OR ")+` THEN 10 ELSE 0 END)`)
	}
	q := a.p(raw)
	score = strings.Join(hits, " + ") + ` + ts_rank(c.tsv, plainto_tsquery('finnish', ` + q + `) || plainto_tsquery('swedish', ` + q +
		`) || plainto_tsquery('english', ` + q + `))`
	return ` FROM catalog c`, score
}

// where writes the filters and the text conditions that the FROM clause did not cover.
func (db *DB) where(a *args, terms searchTerms, q *pokot.CatalogQuery) string {
	var w []string
	for _, alts := range terms {
		if db.dialect == SQLite && allLong(alts) {
			continue // matched by catalog_fts
		}
		var ors []string
		for _, s := range alts {
			if db.dialect == SQLite {
				ors = append(ors, `instr(c.search_text, `+a.p(s)+`) > 0`)
			} else {
				ors = append(ors, `c.search_text LIKE `+a.p("%"+s+"%"))
			}
		}
		w = append(w, "("+strings.Join(ors, " OR ")+")")
	}
	if q.Level > 0 {
		w = append(w, `c.level = `+a.p(q.Level))
	}
	switch len(q.Field) { // a broad or narrow field matches the fields inside it
	case 0:
	case 2:
		w = append(w, `c.field_broad = `+a.p(q.Field))
	case 3:
		w = append(w, `c.field_narrow = `+a.p(q.Field))
	default:
		w = append(w, `c.field = `+a.p(q.Field))
	}
	if q.Unit != "" {
		w = append(w, `c.unit = `+a.p(string(q.Unit)))
		if q.Min > 0 {
			w = append(w, `c.workload >= `+a.p(q.Min))
		}
		if q.Max > 0 {
			w = append(w, `c.workload <= `+a.p(q.Max))
		}
	}
	if q.Org > 0 {
		w = append(w, `c.org_id = `+a.p(q.Org))
	}
	if q.Jotpa {
		w = append(w, `c.jotpa = `+a.p(true))
	}
	if q.StackableToQualification {
		w = append(w, `c.stackable = `+a.p(true))
	}
	for _, f := range []struct{ facet, value string }{{pokot.FacetLanguage, q.Language},
		{pokot.FacetParticipation, string(q.Participation)}, {pokot.FacetSkill, q.Skill}} {
		if f.value != "" {
			w = append(w, `EXISTS (SELECT 1 FROM catalog_facets f WHERE f.mc_id = c.mc_id AND f.facet = `+a.p(f.facet)+
				` AND f.value = `+a.p(f.value)+`)`)
		}
	}
	if len(w) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w, " AND ")
}

func orderBy(q *pokot.CatalogQuery, hasText bool) string {
	title := "c.title_fi"
	switch q.Lang {
	case pokot.Swedish:
		title = "CASE WHEN c.title_sv <> '' THEN c.title_sv ELSE c.title_fi END"
	case pokot.English:
		title = "CASE WHEN c.title_en <> '' THEN c.title_en ELSE c.title_fi END"
	}
	switch q.Sort {
	case pokot.SortTitle:
		return " ORDER BY lower(" + title + "), c.mc_id"
	case pokot.SortWorkload:
		return " ORDER BY c.unit, c.workload, c.mc_id"
	case pokot.SortNewest:
		return " ORDER BY c.published_at DESC, c.mc_id DESC"
	}
	if hasText {
		return " ORDER BY score DESC, c.published_at DESC, c.mc_id DESC"
	}
	return " ORDER BY c.published_at DESC, c.mc_id DESC"
}

// Search queries the public catalogue: published versions only.
func (db *DB) Search(ctx context.Context, q pokot.CatalogQuery) (*pokot.CatalogResult, error) {
	if q.Page < 1 {
		q.Page = 1
	}
	if q.PerPage < 1 {
		q.PerPage = 20
	}
	if q.PerPage > 100 {
		q.PerPage = 100
	}
	if len(q.Q) > 200 {
		q.Q = q.Q[:200]
	}
	terms := searchTerms(stem.Query(q.Q, searchLangs...))
	if len(terms) > 8 {
		terms = terms[:8]
	}
	res := &pokot.CatalogResult{Page: q.Page, Facets: map[string][]pokot.FacetCount{}}

	// The page.
	a := &args{}
	from, score := db.from(a, terms, q.Q)
	query := `SELECT c.mc_id, c.org_id, c.slug, c.version, c.version_id, c.content, c.published_at, ` + score + ` AS score` +
		from + db.where(a, terms, &q) + orderBy(&q, len(terms) > 0) +
		` LIMIT ` + a.p(q.PerPage) + ` OFFSET ` + a.p((q.Page-1)*q.PerPage)
	rows, err := db.r.QueryContext(ctx, query, a.vs...)
	if err != nil {
		return nil, mapErr(err)
	}
	for rows.Next() {
		it := &pokot.CatalogItem{}
		var content string
		if err := rows.Scan(&it.ID, &it.OrgID, &it.Slug, &it.Version, &it.VersionID, &content, timeCol{&it.PublishedAt}, &it.Score); err != nil {
			rows.Close()
			return nil, mapErr(err)
		}
		if err := json.Unmarshal([]byte(content), &it.Content); err != nil {
			rows.Close()
			return nil, mapErr(fmt.Errorf("sqldb: catalog %d: %w", it.ID, err))
		}
		res.Items = append(res.Items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}

	// The total and the facet counts over every hit.
	if err := db.facets(ctx, terms, &q, res); err != nil {
		return nil, err
	}
	return res, nil
}

func (db *DB) facets(ctx context.Context, terms searchTerms, q *pokot.CatalogQuery, res *pokot.CatalogResult) error {
	a := &args{}
	from := ` FROM catalog c` // PostgreSQL: the text conditions are in where()
	if db.dialect == SQLite {
		from, _ = db.from(a, terms, q.Q)
	}
	query := `WITH hits AS MATERIALIZED (SELECT c.mc_id, c.level, c.field_broad, c.unit, c.org_id, c.jotpa, c.stackable` +
		from + db.where(a, terms, q) + `)
		SELECT 'total', '', COUNT(*) FROM hits
		UNION ALL SELECT 'level', CAST(level AS TEXT), COUNT(*) FROM hits WHERE level > 0 GROUP BY level
		UNION ALL SELECT 'field', field_broad, COUNT(*) FROM hits WHERE field_broad <> '' GROUP BY field_broad
		UNION ALL SELECT 'unit', unit, COUNT(*) FROM hits WHERE unit <> '' GROUP BY unit
		UNION ALL SELECT 'org', CAST(org_id AS TEXT), COUNT(*) FROM hits GROUP BY org_id
		UNION ALL SELECT 'jotpa', 'true', COUNT(*) FROM hits WHERE jotpa
		UNION ALL SELECT 'stackable', 'true', COUNT(*) FROM hits WHERE stackable
		UNION ALL SELECT f.facet, f.value, COUNT(*) FROM catalog_facets f JOIN hits h ON h.mc_id = f.mc_id GROUP BY f.facet, f.value`
	rows, err := db.r.QueryContext(ctx, query, a.vs...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var f, v string
		var n int
		if err := rows.Scan(&f, &v, &n); err != nil {
			return mapErr(err)
		}
		if f == "total" {
			res.Total = n
			continue
		}
		if n > 0 {
			res.Facets[f] = append(res.Facets[f], pokot.FacetCount{Value: v, Count: n})
		}
	}
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	for f, cs := range res.Facets {
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].Count != cs[j].Count {
				return cs[i].Count > cs[j].Count
			}
			return cs[i].Value < cs[j].Value
		})
		if f == pokot.FacetSkill && len(cs) > maxSkillFacets {
			res.Facets[f] = cs[:maxSkillFacets]
		}
	}
	return nil
}
