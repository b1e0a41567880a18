package sqldb

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
	"weak"

	"github.com/pokot/pokot"
)

// A snapshot is the catalogue held in memory as a small search engine: for every published
// POK what filtering, sorting and facet counting need (catEntry), the vocabulary of its
// stemmed words with postings (textIndex), and postings per facet value, so that a search
// intersects bitsets instead of asking the database for thousands of ids or testing every
// entry. The snapshot is never stale: every change of the catalogue increments
// catalog_state's "generation" row in the publishing transaction, each search reads the
// generation in its read transaction, and a new generation brings the snapshot up to date
// first (publications are rare, searches frequent): a few changes are patched in
// (catalog_changes names the POKs of each generation) into a copy — a snapshot is never
// changed once searches can see it, so concurrent searches need no lock — and many or old
// ones reload it.
//
// Entries are addressed by their index, which postings and sort orders hold. A patch does
// not move entries: a withdrawn or replaced POK's entry stays as a dead slot (its bit in
// alive cleared, gone from the sort orders) and the new version is appended; the next full
// load compacts them.
type snapshot struct {
	gen     int64
	entries []catEntry
	orgs    map[int64]pokot.Text // every organisation's name, read with the entries
	alive   bitset
	live    int // entries alive
	dead    int // entries not alive
	byID    map[int64]int32
	pairs   []facetPair // facet values, interned: catEntry.facets and pairPost index this
	pairIDs map[facetPair]int32
	// pairKind is the filter kind (filterKinds) of each pair; pairPost its entries, and
	// pairBits the same as a bitset for the pairs that many entries have (nil for the rare
	// ones), which facet counting intersects word by word.
	pairKind []uint8
	pairPost [][]int32
	pairBits []bitset
	// pairCost is the cost of counting every pair through pairBits and pairPost, in words
	// and postings visited; facetsPer the mean number of facet values of an entry: count
	// picks the cheaper way by them.
	pairCost  int
	facetsPer float64
	// fieldPost lists the entries by ISCED-F code at each length the field filter takes:
	// "b09" (broad), "n091" (narrow), "d0913" (the code as given).
	fieldPost map[string][]int32
	text      *textIndex
	// The entries' indexes in each sort order, computed once per generation, so that a
	// search only walks an order picking its hits instead of sorting them.
	newest, workload []int32
	title            [3][]int32 // fi, sv, en

	// The facet counts of the whole catalogue (its front page), computed once.
	wholeOnce   sync.Once
	wholeCounts []int
}

// whole returns the facet counts of the unfiltered catalogue. Callers must not change them.
func (s *snapshot) whole() []int {
	s.wholeOnce.Do(func() {
		s.wholeCounts = make([]int, len(s.pairs))
		for w, word := range s.alive {
			eachBit(w, word, func(i int32) {
				for _, f := range s.entries[i].facets {
					s.wholeCounts[f]++
				}
			})
		}
	})
	return s.wholeCounts
}

type catEntry struct {
	id, org      int64
	versionID    int64
	slug         string
	version      int
	published    string // fixed-width UTC text, so string order is time order
	sortKey      [3][]byte
	level        int
	field        [3]string // detailed, narrow, broad
	unit         string
	workload     float64
	jotpa, stack bool
	facets       []int32
}

type catCache struct {
	mu    sync.Mutex
	snap  *snapshot
	items itemCache
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
	if c.snap != nil && c.snap.gen >= gen {
		// A newer one, loaded by a search that began later, is at least as fresh.
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

// Hit marks in a search: which entries match, and whether their title holds every word.
const (
	noHit    = 0
	bodyHit  = 1
	titleHit = 2
)

// page walks the sort order the query asks for — relevance (title hits, then body hits,
// each newest first), newest, title in the reader's language (collated), or workload
// within each unit — and returns the indexes of the entries on the requested page. hits
// are the results; titles, when not nil, those whose title holds every word.
func (s *snapshot) page(hits, titles bitset, sortBy string, lang int, first, n int) []int32 {
	var out []int32
	seen := 0
	walk := func(order []int32, want func(int32) bool) {
		for _, i := range order {
			if len(out) == n {
				return
			}
			if hits.has(i) && want(i) {
				if seen >= first {
					out = append(out, i)
				}
				seen++
			}
		}
	}
	any := func(int32) bool { return true }
	switch sortBy {
	case "title":
		walk(s.title[lang], any)
	case "workload":
		walk(s.workload, any)
	case "relevance":
		if titles == nil {
			walk(s.newest, any)
			break
		}
		walk(s.newest, titles.has)
		walk(s.newest, func(i int32) bool { return !titles.has(i) })
	default:
		walk(s.newest, any)
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
