package sqldb

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
	"weak"

	"github.com/pokot/pokot"
)

// A snapshot is the narrow catalog table held in memory: what filtering, sorting and facet
// counting need for every published POK (about 300 bytes each). Searching 50,000 POKs
// row by row through SQL costs a few microseconds per hit, too much for queries that match
// thousands; in memory it costs tens of nanoseconds. The snapshot is never stale: every
// change of the catalogue increments catalog_state's "generation" row in the publishing
// transaction, each search reads the generation in the same read transaction as its text
// matches, and a new generation reloads the snapshot first (publications are rare, searches
// frequent): a few changes are patched in (catalog_changes names the POKs of each
// generation), many or old ones reload it. The text matching stays in the database indexes.
type snapshot struct {
	gen     int64
	entries []catEntry
	byID    map[int64]int32
	pairs   []facetPair // facet values, interned: catEntry.facets index this
	pairIDs map[facetPair]int32
	// The entries' indexes in each sort order, computed once per generation, so that a
	// search only walks an order picking its hits instead of sorting them.
	newest, workload []int32
	title            [3][]int32 // fi, sv, en

	// The whole catalogue as a search result (the catalogue's front page): every entry a
	// hit, and the facet counts over all of them; computed once, read-only afterwards.
	wholeOnce   sync.Once
	wholeMarks  []uint8
	wholeCounts []int
}

// whole returns the marks and facet counts of the unfiltered catalogue. Callers must not
// change them.
func (s *snapshot) whole() ([]uint8, []int) {
	s.wholeOnce.Do(func() {
		s.wholeMarks = make([]uint8, len(s.entries))
		s.wholeCounts = make([]int, len(s.pairs))
		for i := range s.entries {
			s.wholeMarks[i] = bodyHit
			for _, f := range s.entries[i].facets {
				s.wholeCounts[f]++
			}
		}
	})
	return s.wholeMarks, s.wholeCounts
}

type catEntry struct {
	id, org      int64
	published    string // fixed-width UTC text, so string order is time order
	sortKey      [3][]byte
	title        string // stemmed, all languages: for ranking title hits first
	level        int
	field        [3]string // detailed, narrow, broad
	unit         string
	workload     float64
	jotpa, stack bool
	facets       []int32
}

type catCache struct {
	mu   sync.Mutex
	snap *snapshot
}

// caches holds one snapshot per open DB without keeping the DB alive.
var caches sync.Map // weak.Pointer[DB] → *catCache

func (db *DB) catCache() *catCache {
	key := weak.Make(db)
	if c, ok := caches.Load(key); ok {
		return c.(*catCache)
	}
	c, loaded := caches.LoadOrStore(key, &catCache{})
	if !loaded {
		runtime.AddCleanup(db, func(k weak.Pointer[DB]) { caches.Delete(k) }, key)
	}
	return c.(*catCache)
}

// snapshotAt returns the snapshot of generation gen, loading it through q when needed.
func (db *DB) snapshotAt(ctx context.Context, q querier, gen int64) (*snapshot, error) {
	c := db.catCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != nil && c.snap.gen == gen {
		return c.snap, nil
	}
	if c.snap != nil && c.snap.gen < gen {
		s, ok, err := db.patchSnapshot(ctx, q, c.snap, gen)
		if err != nil {
			return nil, err
		}
		if ok {
			c.snap = s
			return s, nil
		}
	}
	s, err := db.loadSnapshot(ctx, q, gen)
	if err != nil {
		return nil, err
	}
	c.snap = s
	return s, nil
}

// match reports whether e passes the query's filters.
func (s *snapshot) match(e *catEntry, q *pokot.CatalogQuery, want []int32) bool {
	if q.Level > 0 && e.level != q.Level {
		return false
	}
	switch len(q.Field) {
	case 0:
	case 2:
		if e.field[2] != q.Field {
			return false
		}
	case 3:
		if e.field[1] != q.Field {
			return false
		}
	default:
		if e.field[0] != q.Field {
			return false
		}
	}
	if q.Unit != "" {
		if e.unit != string(q.Unit) || (q.Min > 0 && e.workload < q.Min) || (q.Max > 0 && e.workload > q.Max) {
			return false
		}
	}
	if (q.Org > 0 && e.org != q.Org) || (q.Jotpa && !e.jotpa) || (q.StackableToQualification && !e.stack) {
		return false
	}
	for _, w := range want {
		found := false
		for _, f := range e.facets {
			if f == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// wanted interns the multi-valued filters; ok is false when a wanted value exists nowhere.
func (s *snapshot) wanted(q *pokot.CatalogQuery) (ids []int32, ok bool) {
	for _, f := range []facetPair{{pokot.FacetLanguage, q.Language}, {pokot.FacetParticipation, string(q.Participation)}, {pokot.FacetSkill, q.Skill}} {
		if f.value == "" {
			continue
		}
		found := false
		for i, p := range s.pairs {
			if p == f {
				ids, found = append(ids, int32(i)), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return ids, true
}

// Hit marks in a search: which entries match, and whether their title holds every word.
const (
	noHit    = 0
	bodyHit  = 1
	titleHit = 2
)

// page walks the sort order the query asks for — relevance (title hits, then body hits,
// each newest first), newest, title in the reader's language (collated), or workload
// within each unit — and returns the indexes of the entries on the requested page.
func (s *snapshot) page(marks []uint8, q *pokot.CatalogQuery, hasText bool) []int32 {
	first, n := (q.Page-1)*q.PerPage, q.PerPage
	var out []int32
	seen := 0
	walk := func(order []int32, want func(uint8) bool) {
		for _, i := range order {
			if len(out) == n {
				return
			}
			if m := marks[i]; m != noHit && want(m) {
				if seen >= first {
					out = append(out, i)
				}
				seen++
			}
		}
	}
	any := func(uint8) bool { return true }
	switch {
	case q.Sort == pokot.SortTitle:
		walk(s.title[map[pokot.Lang]int{pokot.Swedish: 1, pokot.English: 2}[q.Lang]], any)
	case q.Sort == pokot.SortWorkload:
		walk(s.workload, any)
	case q.Sort == pokot.SortNewest || !hasText:
		walk(s.newest, any)
	default:
		walk(s.newest, func(m uint8) bool { return m == titleHit })
		walk(s.newest, func(m uint8) bool { return m == bodyHit })
	}
	return out
}

// generation reads the catalogue's change counter.
func generation(ctx context.Context, q querier) (int64, error) {
	var g int64
	err := q.QueryRowContext(ctx, `SELECT n FROM catalog_state WHERE name = 'generation'`).Scan(&g)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return g, err
}
