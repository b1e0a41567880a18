package sqldb

import (
	"context"
	"database/sql"
	"math"
	"sort"

	"github.com/pokot/pokot"
)

// The catalogue search. Every published version has a row in catalog (filters, sorting,
// facets) and in catalog_docs (listing content, stemmed text of all three languages). A
// query is split into words; each word becomes its stems in Finnish, Swedish and English
// (stem.Query), and a POK matches when, for every word, one of the stems occurs inside one
// of its stemmed words, so "robotiikka" (stem "roboti…") finds "Hoivarobotiikan perusteet"
// ("hoivarobotiik"). Words of two letters match only at the start of a word. The whole
// search — words, filters, facet counts, sorting, paging — runs over the in-memory
// snapshot of the catalogue (search_snapshot.go, search_text.go, search_filter.go), kept
// exactly as fresh as the database by a generation counter read in the search's read
// transaction; only the page's items are read from the database. Ranking puts POKs whose
// title holds every word above those that match in the body only, then the newest.

// maxSkillFacets bounds the skill facet, which can have as many values as ESCO has skills.
const maxSkillFacets = 30

// Search queries the public catalogue: published versions only. The facet counts of a
// filter in use are disjunctive: those of the same search without that filter (see
// snapshot.count).
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
	snap, err := db.currentSnapshot(ctx)
	if err != nil {
		return nil, mapErr(err)
	}
	res := &pokot.CatalogResult{Page: q.Page, Facets: map[string][]pokot.FacetCount{}, Orgs: snap.orgs}
	fs := snap.filters(&q)
	var hits, titles bitset
	var counts []int
	if len(terms) == 0 && len(fs) == 0 {
		hits, res.Total, counts = snap.alive, snap.live, snap.whole()
	} else {
		cand := snap.alive
		if len(terms) > 0 {
			cand, titles = snap.text.match(terms, len(snap.entries))
			cand.and(snap.alive)
		}
		hits, res.Total, counts = snap.count(cand, fs)
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
	sortBy := q.Sort
	switch {
	case sortBy == pokot.SortTitle || sortBy == pokot.SortWorkload:
	case sortBy == pokot.SortNewest || len(terms) == 0:
		sortBy = pokot.SortNewest
	default:
		sortBy = pokot.SortRelevance
	}
	lang := map[pokot.Lang]int{pokot.Swedish: 1, pokot.English: 2}[q.Lang]
	if q.Page-1 > (math.MaxInt32-1)/q.PerPage {
		return res, nil // beyond any catalogue's last page (and the offset would overflow)
	}
	page := snap.page(hits, titles, sortBy, lang, (q.Page-1)*q.PerPage, q.PerPage)
	if len(page) == 0 {
		return res, nil
	}
	if err := db.items(ctx, snap, page, res); err != nil {
		return nil, mapErr(err)
	}
	for _, it := range res.Items {
		switch i := snap.byID[it.ID]; {
		case len(terms) == 0:
		case titles != nil && titles.has(i):
			it.Score = 10
		default:
			it.Score = 1
		}
	}
	return res, nil
}

// currentSnapshot reads the catalogue's generation and returns its snapshot, loading or
// patching it first when it is older, in one read transaction (so the snapshot loaded is
// the catalogue of that generation). When the snapshot held is current, which is nearly
// always, the generation alone is read, in one statement.
func (db *DB) currentSnapshot(ctx context.Context) (*snapshot, error) {
	c := db.catCache()
	c.mu.Lock()
	held := c.snap
	c.mu.Unlock()
	if held != nil {
		gen, err := generation(ctx, db.r)
		if err != nil {
			return nil, err
		}
		if gen == held.gen {
			return held, nil
		}
	}
	var opts *sql.TxOptions
	if db.dialect == Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := db.r.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	gen, err := generation(ctx, tx)
	if err != nil {
		return nil, err
	}
	return db.snapshotAt(ctx, tx, gen)
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

// WarmCatalog loads the catalogue snapshot that searches use, so that the first search
// after start-up does not wait for it (seconds with 50,000 POKs). Call it from the server
// start-up, after Open; searches load it themselves when it was not called.
func (db *DB) WarmCatalog(ctx context.Context) error {
	_, err := db.currentSnapshot(ctx)
	return mapErr(err)
}
