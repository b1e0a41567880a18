package sqldb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"sort"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// maxPatch is the most changed POKs patched into a snapshot; more reload it.
const maxPatch = 500

var sortCollators = [3]*collate.Collator{
	collate.New(language.Finnish, collate.IgnoreCase),
	collate.New(language.Swedish, collate.IgnoreCase),
	collate.New(language.English, collate.IgnoreCase),
}

const snapshotColumns = `c.mc_id, c.org_id, c.published_at, c.sort_fi, c.sort_sv, c.sort_en, c.level, c.field, c.field_narrow,
	c.field_broad, c.unit, c.workload, c.jotpa, c.stackable, c.sig, c.search_title FROM catalog c`

// scanEntry reads one catalog row, interning its facet values into s.
func (s *snapshot) scanEntry(rows interface{ Scan(...any) error }, buf *collate.Buffer) (catEntry, error) {
	var e catEntry
	var published time.Time
	var titles [3]string
	var sg string
	if err := rows.Scan(&e.id, &e.org, timeCol{&published}, &titles[0], &titles[1], &titles[2], &e.level, &e.field[0], &e.field[1],
		&e.field[2], &e.unit, &e.workload, &e.jotpa, &e.stack, &sg, &e.title); err != nil {
		return e, err
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
		}
		e.facets = append(e.facets, id)
	})
	return e, nil
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
	s := &snapshot{gen: gen, byID: map[int64]int32{}, pairIDs: map[facetPair]int32{}}
	var buf collate.Buffer
	for rows.Next() {
		e, err := s.scanEntry(rows, &buf)
		if err != nil {
			return nil, err
		}
		s.byID[e.id] = int32(len(s.entries))
		s.entries = append(s.entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
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

// patchSnapshot makes the snapshot of generation gen from old by re-reading the POKs that
// changed in between; ok is false when they are too many or no longer all recorded.
func (db *DB) patchSnapshot(ctx context.Context, q querier, old *snapshot, gen int64) (*snapshot, bool, error) {
	var oldest int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MIN(gen), 0) FROM catalog_changes`).Scan(&oldest); err != nil {
		return nil, false, err
	}
	if oldest == 0 || oldest > old.gen+1 {
		return nil, false, nil
	}
	changed, err := ids(ctx, q, `SELECT DISTINCT mc_id FROM catalog_changes WHERE gen > $1 AND gen <= $2`, []any{old.gen, gen})
	if err != nil || len(changed) > maxPatch {
		return nil, false, err
	}
	s := &snapshot{gen: gen, byID: make(map[int64]int32, len(old.entries)), pairIDs: make(map[facetPair]int32, len(old.pairIDs)),
		pairs: append([]facetPair(nil), old.pairs...)}
	for p, id := range old.pairIDs {
		s.pairIDs[p] = id
	}
	gone := map[int64]bool{}
	for _, id := range changed {
		gone[id] = true
	}
	remap := make([]int32, len(old.entries))
	s.entries = make([]catEntry, 0, len(old.entries)+len(changed))
	for i := range old.entries {
		if gone[old.entries[i].id] {
			remap[i] = -1
			continue
		}
		remap[i] = int32(len(s.entries))
		s.entries = append(s.entries, old.entries[i])
	}
	oldOrders := old.orders()
	for k, ord := range s.orders() {
		o := make([]int32, 0, len(s.entries)+len(changed))
		for _, i := range *oldOrders[k].o {
			if j := remap[i]; j >= 0 {
				o = append(o, j)
			}
		}
		*ord.o = o
	}
	// Re-read the changed POKs that are (still) published and insert them in every order.
	var buf collate.Buffer
	for _, id := range changed {
		e, err := s.scanEntry(q.QueryRowContext(ctx, `SELECT `+snapshotColumns+` WHERE c.mc_id = $1`, id), &buf)
		if errors.Is(err, sql.ErrNoRows) {
			continue // withdrawn from the catalogue
		}
		if err != nil {
			return nil, false, err
		}
		n := int32(len(s.entries))
		s.entries = append(s.entries, e)
		for _, ord := range s.orders() {
			o := *ord.o
			at := sort.Search(len(o), func(i int) bool { return !ord.less(&s.entries[o[i]], &s.entries[n]) })
			o = append(o, 0)
			copy(o[at+1:], o[at:])
			o[at] = n
			*ord.o = o
		}
	}
	for i := range s.entries {
		s.byID[s.entries[i].id] = int32(i)
	}
	return s, true, nil
}
