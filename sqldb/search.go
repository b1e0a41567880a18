package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// The catalogue search. Every published version has a row in catalog (filters, sorting,
// facets) and in catalog_docs (listing content, stemmed text). The stemmed title and body
// of all three languages are indexed as terms: every suffix of every stemmed word
// (stem.Terms). A query is split into words; each word becomes its stems in Finnish,
// Swedish and English (stem.Query), and a POK matches when, for every word, one of the
// stems is a prefix of one of its terms — that is, occurs inside one of its words — so
// "robotiikka" (stem "roboti…") finds "Hoivarobotiikan perusteet" ("hoivarobotiik").
// Words of two letters match only at the start of a word. The prefix match is an index
// lookup on both engines (textQueries): an FTS5 prefix query on SQLite, a GIN-indexed
// tsvector prefix query (:*) on PostgreSQL. Filters, facet counts, sorting and paging then
// run over the in-memory snapshot of the catalog table (search_snapshot.go). Ranking puts
// POKs whose title holds every word above those that match in the body only, then the
// newest.

// maxSkillFacets bounds the skill facet, which can have as many values as ESCO has skills.
const maxSkillFacets = 30

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
	terms := parseQuery(q.Q)
	snap, matched, err := db.searchRead(ctx, terms)
	if err != nil {
		return nil, mapErr(err)
	}
	res := &pokot.CatalogResult{Page: q.Page, Facets: map[string][]pokot.FacetCount{}}
	want, ok := snap.wanted(&q)
	if !ok {
		return res, nil
	}
	var marks []uint8
	var counts []int
	fresh := func() {
		marks, counts = make([]uint8, len(snap.entries)), make([]int, len(snap.pairs))
	}
	consider := func(i int32) {
		e := &snap.entries[i]
		if !snap.match(e, &q, want) {
			return
		}
		marks[i] = bodyHit
		if terms.inTitle(e.title) {
			marks[i] = titleHit
		}
		res.Total++
		for _, f := range e.facets {
			counts[f]++
		}
	}
	if len(terms) > 0 {
		fresh()
		for _, id := range matched {
			if i, ok := snap.byID[id]; ok {
				consider(i)
			}
		}
	} else if unfiltered(&q) {
		marks, counts = snap.whole()
		res.Total = len(snap.entries)
	} else {
		fresh()
		for i := range snap.entries {
			consider(int32(i))
		}
	}
	for i, n := range counts {
		if n > 0 {
			p := snap.pairs[i]
			res.Facets[p.facet] = append(res.Facets[p.facet], pokot.FacetCount{Value: p.value, Count: n})
		}
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
	page := snap.page(marks, &q, len(terms) > 0)
	if len(page) == 0 {
		return res, nil
	}
	if err := db.items(ctx, snap, page, marks, res); err != nil {
		return nil, mapErr(err)
	}
	if len(terms) == 0 {
		for _, it := range res.Items {
			it.Score = 0
		}
	}
	return res, nil
}

// unfiltered reports whether a query without words asks for the whole catalogue.
func unfiltered(q *pokot.CatalogQuery) bool {
	return q.Level == 0 && q.Field == "" && q.Unit == "" && q.Org == 0 && !q.Jotpa && !q.StackableToQualification &&
		q.Language == "" && q.Participation == "" && q.Skill == ""
}

// searchRead reads, in one read transaction, the catalogue's generation (loading its
// snapshot when new) and the ids that match the words.
func (db *DB) searchRead(ctx context.Context, terms searchTerms) (*snapshot, []int64, error) {
	var opts *sql.TxOptions
	if db.dialect == Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := db.r.BeginTx(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	gen, err := generation(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	snap, err := db.snapshotAt(ctx, tx, gen)
	if err != nil || len(terms) == 0 {
		return snap, nil, err
	}
	match, vs := db.textQuery(terms)
	var list string
	if err := tx.QueryRowContext(ctx, match, vs...).Scan(&list); err != nil {
		return nil, nil, err
	}
	matched, err := parseIDs(list)
	return snap, matched, err
}

// parseIDs reads a comma-separated list of ids.
func parseIDs(s string) ([]int64, error) {
	var out []int64
	for s != "" {
		tok := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			tok, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		id, err := strconv.ParseInt(tok, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sqldb: id list: %w", err)
		}
		out = append(out, id)
	}
	return out, nil
}

func ids(ctx context.Context, q querier, query string, vs []any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, vs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// items reads the listing of the page's POKs, in the page's order.
func (db *DB) items(ctx context.Context, snap *snapshot, page []int32, marks []uint8, res *pokot.CatalogResult) error {
	a := &args{}
	ph := make([]string, len(page))
	for i, e := range page {
		ph[i] = a.p(snap.entries[e].id)
	}
	rows, err := db.r.QueryContext(ctx, `
		SELECT c.mc_id, c.org_id, c.slug, c.version, c.version_id, c.published_at, d.content
		FROM catalog c JOIN catalog_docs d ON d.mc_id = c.mc_id WHERE c.mc_id IN (`+strings.Join(ph, ", ")+`)`, a.vs...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[int64]*pokot.CatalogItem{}
	for rows.Next() {
		it := &pokot.CatalogItem{}
		var content string
		if err := rows.Scan(&it.ID, &it.OrgID, &it.Slug, &it.Version, &it.VersionID, timeCol{&it.PublishedAt}, &content); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(content), &it.Content); err != nil {
			return fmt.Errorf("sqldb: catalog %d: %w", it.ID, err)
		}
		byID[it.ID] = it
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, e := range page {
		if it := byID[snap.entries[e].id]; it != nil {
			it.Score = map[uint8]float64{bodyHit: 1, titleHit: 10}[marks[e]]
			res.Items = append(res.Items, it)
		}
	}
	return nil
}

// WarmCatalog loads the catalogue snapshot that searches use, so that the first search
// after start-up does not wait for it (seconds with 50,000 POKs). Call it from the server
// start-up, after Open; searches load it themselves when it was not called.
func (db *DB) WarmCatalog(ctx context.Context) error {
	_, _, err := db.searchRead(ctx, nil)
	return mapErr(err)
}
