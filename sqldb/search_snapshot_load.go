package sqldb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"slices"
	"sort"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/pokot/pokot"
)

// maxPatch is the most changed POKs patched into a snapshot; more reload it. maxDead is the
// most dead slots a snapshot keeps before a full load compacts them.
const (
	maxPatch = 500
	maxDead  = 2000
)

// maxExtra is the most words a snapshot's patches may have added outside the suffix array
// (textIndex.extra, scanned one by one at every lookup) before a full load sorts them in:
// new POKs leave no dead slots, so maxDead alone would let the list grow without end.
var maxExtra = 5000

var sortCollators = [3]*collate.Collator{
	collate.New(language.Finnish, collate.IgnoreCase),
	collate.New(language.Swedish, collate.IgnoreCase),
	collate.New(language.English, collate.IgnoreCase),
}

const snapshotColumns = `c.mc_id, c.org_id, c.version_id, c.slug, c.version, c.published_at, c.sort_fi, c.sort_sv, c.sort_en, c.level, c.field, c.field_narrow,
	c.field_broad, c.unit, c.workload, c.jotpa, c.stackable, c.sig, c.search_title, d.search_body
	FROM catalog c JOIN catalog_docs d ON d.mc_id = c.mc_id`

// scanEntry reads one catalog row and its stemmed text, interning its facet values into s
// (which the caller owns: a new snapshot being built).
func (s *snapshot) scanEntry(rows interface{ Scan(...any) error }, buf *collate.Buffer) (e catEntry, doc textDoc, err error) {
	var published time.Time
	var titles [3]string
	var sg string
	if err := rows.Scan(&e.id, &e.org, &e.versionID, &e.slug, &e.version, timeCol{&published}, &titles[0], &titles[1], &titles[2], &e.level, &e.field[0], &e.field[1],
		&e.field[2], &e.unit, &e.workload, &e.jotpa, &e.stack, &sg, &doc.title, &doc.body); err != nil {
		return e, doc, err
	}
	e.published = published.UTC().Format(sqliteTime)
	for i, title := range titles {
		e.sortKey[i] = append([]byte(nil), sortCollators[i].KeyFromString(buf, title)...)
		buf.Reset()
	}
	unsig(sg, func(f, v string) {
		p := facetPair{f, v}
		id, ok := s.pairIDs[p]
		if !ok {
			id = int32(len(s.pairs))
			s.pairIDs[p] = id
			s.pairs = append(s.pairs, p)
			s.pairKind = append(s.pairKind, kindOf(f))
			s.pairPost = append(s.pairPost, nil)
		}
		e.facets = append(e.facets, id)
	})
	return e, doc, nil
}

// addEntry appends e to s (a snapshot being built) and to its facet postings; the caller
// has copied any postings it shares with another snapshot.
func (s *snapshot) addEntry(e catEntry) int32 {
	i := int32(len(s.entries))
	s.entries = append(s.entries, e)
	s.byID[e.id] = i
	for _, p := range e.facets {
		s.pairPost[p] = append(s.pairPost[p], i)
	}
	for k, prefix := range [3]string{"d", "n", "b"} {
		if e.field[k] != "" {
			s.fieldPost[prefix+e.field[k]] = append(s.fieldPost[prefix+e.field[k]], i)
		}
	}
	return i
}

// densify makes the bitsets of the facet values that at least one entry in 32 has (a
// bitset costs as much to walk as a list of that length), and the cost figures of count.
func (s *snapshot) densify() {
	n := len(s.entries)
	s.pairBits = make([]bitset, len(s.pairs))
	s.pairCost = 0
	facets := 0
	for p, post := range s.pairPost {
		facets += len(post)
		if len(post) >= n/32 && len(post) > 0 {
			s.pairBits[p] = newBitset(n)
			s.pairBits[p].addAll(post)
			s.pairCost += len(s.pairBits[p])
		} else {
			s.pairCost += len(post)
		}
	}
	if n > 0 {
		s.facetsPer = float64(facets) / float64(n)
	}
}

// The sort orders of a snapshot.
func newestFirst(a, b *catEntry) bool {
	if a.published != b.published {
		return a.published > b.published
	}
	return a.id > b.id
}

func byWorkload(a, b *catEntry) bool {
	if a.unit != b.unit {
		return a.unit < b.unit
	}
	if a.workload != b.workload {
		return a.workload < b.workload
	}
	return a.id < b.id
}

func byTitle(li int) func(a, b *catEntry) bool {
	return func(a, b *catEntry) bool {
		if c := bytes.Compare(a.sortKey[li], b.sortKey[li]); c != 0 {
			return c < 0
		}
		return a.id < b.id
	}
}

// orders lists each sort order with its comparison, for building and patching.
func (s *snapshot) orders() []struct {
	o    *[]int32
	less func(a, b *catEntry) bool
} {
	return []struct {
		o    *[]int32
		less func(a, b *catEntry) bool
	}{{&s.newest, newestFirst}, {&s.workload, byWorkload}, {&s.title[0], byTitle(0)}, {&s.title[1], byTitle(1)}, {&s.title[2], byTitle(2)}}
}

func (db *DB) loadSnapshot(ctx context.Context, q querier, gen int64) (*snapshot, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+snapshotColumns)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s := &snapshot{gen: gen, byID: map[int64]int32{}, pairIDs: map[facetPair]int32{}, fieldPost: map[string][]int32{}}
	tb := newTextBuilder()
	var buf collate.Buffer
	for rows.Next() {
		e, doc, err := s.scanEntry(rows, &buf)
		if err != nil {
			return nil, err
		}
		tb.add(s.addEntry(e), doc.title, doc.body)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.orgs, err = orgNames(ctx, q); err != nil {
		return nil, err
	}
	s.text = tb.build()
	s.densify()
	s.live = len(s.entries)
	s.alive = newBitset(len(s.entries))
	for i := range s.entries {
		s.alive.set(int32(i))
	}
	for _, ord := range s.orders() {
		o := make([]int32, len(s.entries))
		for i := range o {
			o[i] = int32(i)
		}
		sort.Slice(o, func(i, j int) bool { return ord.less(&s.entries[o[i]], &s.entries[o[j]]) })
		*ord.o = o
	}
	return s, nil
}

// orgNames reads the name of every organisation: the catalogue shows its POKs' awarding
// bodies by name, and renaming one re-indexes its POKs, which moves the generation on.
func orgNames(ctx context.Context, q querier) (map[int64]pokot.Text, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name FROM organisations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[int64]pokot.Text{}
	for rows.Next() {
		var id int64
		var name pokot.Text
		if err := rows.Scan(&id, textCol{&name}); err != nil {
			return nil, err
		}
		m[id] = name
	}
	return m, rows.Err()
}

// patchSnapshot makes the snapshot of generation gen from old by re-reading the POKs that
// changed in between; ok is false when they are too many or no longer all recorded, or
// when old has too many dead slots or words outside its suffix array. old is not changed:
// the new snapshot copies what differs and shares the rest.
func (db *DB) patchSnapshot(ctx context.Context, q querier, old *snapshot, gen int64) (*snapshot, bool, error) {
	var oldest int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MIN(gen), 0) FROM catalog_changes`).Scan(&oldest); err != nil {
		return nil, false, err
	}
	if oldest == 0 || oldest > old.gen+1 {
		return nil, false, nil
	}
	changed, err := ids(ctx, q, `SELECT DISTINCT mc_id FROM catalog_changes WHERE gen > $1 AND gen <= $2`, []any{old.gen, gen})
	if err != nil || len(changed) > maxPatch || old.dead+len(changed) > maxDead || len(old.text.extra) > maxExtra {
		return nil, false, err
	}
	s := &snapshot{gen: gen, entries: slices.Clip(old.entries), byID: make(map[int64]int32, len(old.byID)+len(changed)),
		pairs: slices.Clip(old.pairs), pairIDs: make(map[facetPair]int32, len(old.pairIDs)), pairKind: slices.Clip(old.pairKind),
		pairPost: slices.Clone(old.pairPost), fieldPost: make(map[string][]int32, len(old.fieldPost)),
		live: old.live, dead: old.dead}
	if s.orgs, err = orgNames(ctx, q); err != nil { // a renamed organisation re-indexes its POKs
		return nil, false, err
	}
	for p, id := range old.pairIDs {
		s.pairIDs[p] = id
	}
	for k, v := range old.fieldPost {
		s.fieldPost[k] = slices.Clip(v) // appending copies
	}
	for id, i := range old.byID {
		s.byID[id] = i
	}
	for i := range s.pairPost {
		s.pairPost[i] = slices.Clip(s.pairPost[i])
	}
	gone := map[int32]bool{}
	for _, id := range changed {
		if i, ok := s.byID[id]; ok {
			gone[i] = true
			delete(s.byID, id)
		}
	}
	s.live -= len(gone)
	s.dead += len(gone)
	oldOrders := old.orders()
	for k, ord := range s.orders() {
		o := make([]int32, 0, len(*oldOrders[k].o)+len(changed))
		for _, i := range *oldOrders[k].o {
			if !gone[i] {
				o = append(o, i)
			}
		}
		*ord.o = o
	}
	// Re-read the changed POKs that are (still) published and insert them in every order.
	var buf collate.Buffer
	var docs []textDoc
	for _, id := range changed {
		e, doc, err := s.scanEntry(q.QueryRowContext(ctx, `SELECT `+snapshotColumns+` WHERE c.mc_id = $1`, id), &buf)
		if errors.Is(err, sql.ErrNoRows) {
			continue // withdrawn from the catalogue
		}
		if err != nil {
			return nil, false, err
		}
		n := s.addEntry(e)
		doc.entry = n
		docs = append(docs, doc)
		s.live++
		for _, ord := range s.orders() {
			o := *ord.o
			at := sort.Search(len(o), func(i int) bool { return !ord.less(&s.entries[o[i]], &s.entries[n]) })
			*ord.o = slices.Insert(o, at, n)
		}
	}
	s.alive = newBitset(len(s.entries))
	copy(s.alive, old.alive)
	for i := range gone {
		s.alive[i>>6] &^= 1 << (uint(i) & 63)
	}
	for _, d := range docs {
		s.alive.set(d.entry)
	}
	s.text = old.text.patched(docs)
	s.densify()
	return s, true, nil
}
