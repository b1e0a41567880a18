package sqldb

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestTextLookup checks the substring matching of the vocabulary on edge cases: a stem at
// the start, inside and at the end of a word, non-ASCII letters, a stem that occurs twice
// in one word, two-letter stems only at word starts, words added by a patch.
func TestTextLookup(t *testing.T) {
	b := newTextBuilder()
	b.add(0, "hoivarobotiik perust", "robot anan")
	b.add(1, "lähihoitaj lääkehoid", "5g ai")
	b.add(2, "vårdrobotik", "närvård äldreomsorg")
	b.add(3, "", "kai aika")
	idx := b.build()
	words := func(ids []int32, in ...*textIndex) string {
		x := idx
		if len(in) > 0 {
			x = in[0]
		}
		var ws []string
		for _, id := range ids {
			ws = append(ws, x.words[id])
		}
		slices.Sort(ws)
		return strings.Join(ws, " ")
	}
	for _, c := range []struct {
		stem   string
		prefix bool
		want   string
	}{
		{"roboti", false, "hoivarobotiik vårdrobotik"},
		{"robot", false, "hoivarobotiik robot vårdrobotik"},
		{"hoi", false, "hoivarobotiik lähihoitaj lääkehoid"},
		{"tiik", false, "hoivarobotiik"}, // the end of a word
		{"hoivarobotiik", false, "hoivarobotiik"},
		{"hoivarobotiikka", false, ""}, // longer than any word
		{"an", true, "anan"},           // two letters: at the start only…
		{"ai", true, "ai aika"},        // …not inside "kai"
		{"ana", false, "anan"},         // twice in one word, listed once
		{"äldre", false, "äldreomsorg"},
		{"ärv", false, "närvård"},
		{"åä", false, ""},
		{"5g", true, "5g"},
		{"zz", true, ""},
	} {
		if got := words(idx.lookup(c.stem, c.prefix)); got != c.want {
			t.Errorf("lookup(%q, %v) = %q, want %q", c.stem, c.prefix, got, c.want)
		}
	}
	// A patch adds entry 4 with a new word and an old one; the old index is unchanged.
	p := idx.patched([]textDoc{{entry: 4, title: "robottihitsaus", body: "robot"}})
	if got := words(p.lookup("hitsa", false), p); got != "robottihitsaus" {
		t.Errorf("patched: %q", got)
	}
	if got := words(p.lookup("robot", true), p); got != "robot robottihitsaus" {
		t.Errorf("patched prefix: %q", got)
	}
	if got := words(idx.lookup("hitsa", false)); got != "" {
		t.Errorf("the old index changed: %q", got)
	}
	if got := p.post[p.find("robot")]; !reflect.DeepEqual(got, []int32{0, 4}) {
		t.Errorf("postings of robot after the patch %v", got)
	}
	if got := idx.post[idx.find("robot")]; !reflect.DeepEqual(got, []int32{0}) {
		t.Errorf("postings of robot before the patch %v", got)
	}
	all, title := p.match(searchTerms{{"robot"}}, 5)
	if fmt.Sprint(all) != fmt.Sprint(bitset{0b10101}) || fmt.Sprint(title) != fmt.Sprint(bitset{0b10101}) {
		t.Errorf("match robot: all %b title %b", all, title)
	}
	all, title = p.match(searchTerms{{"ai"}}, 5)
	if fmt.Sprint(all) != fmt.Sprint(bitset{0b01010}) || title != nil {
		t.Errorf("match ai: all %b title %v", all, title)
	}
}

// TestTextLookupRandom compares the suffix array with a scan of every word.
func TestTextLookupRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	letters := []rune("aäoöiks")
	word := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = letters[r.IntN(len(letters))]
		}
		return string(rs)
	}
	b := newTextBuilder()
	for e := int32(0); e < 200; e++ {
		var ws []string
		for range 5 {
			ws = append(ws, word(1+r.IntN(8)))
		}
		b.add(e, ws[0], strings.Join(ws[1:], " "))
	}
	idx := b.build()
	for range 2000 {
		stem, prefix := word(2+r.IntN(3)), r.IntN(3) == 0
		var want []string
		for _, w := range idx.words {
			if prefix && strings.HasPrefix(w, stem) || !prefix && strings.Contains(w, stem) {
				want = append(want, w)
			}
		}
		var got []string
		for _, id := range idx.lookup(stem, prefix) {
			got = append(got, idx.words[id])
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("lookup(%q, %v) = %v, want %v", stem, prefix, got, want)
		}
	}
}

// TestCountStrategiesAgree checks both ways of counting facets (entry by entry, value by
// value) against the definition, on random entries and filters: a result counts for every
// facet; an entry failing exactly one filter counts for that filter's facet only.
func TestCountStrategiesAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 700
	s := &snapshot{byID: map[int64]int32{}, pairIDs: map[facetPair]int32{}, fieldPost: map[string][]int32{}}
	intern := func(f, v string) int32 {
		p := facetPair{f, v}
		if id, ok := s.pairIDs[p]; ok {
			return id
		}
		s.pairIDs[p] = int32(len(s.pairs))
		s.pairs = append(s.pairs, p)
		s.pairKind = append(s.pairKind, kindOf(f))
		s.pairPost = append(s.pairPost, nil)
		return int32(len(s.pairs) - 1)
	}
	units := []string{"osp", "op", "h"}
	for i := range n {
		e := catEntry{id: int64(i + 1), org: int64(1 + r.IntN(3)), level: 3 + r.IntN(4), unit: units[r.IntN(3)],
			workload: float64(1 + r.IntN(10)), jotpa: r.IntN(4) == 0, stack: r.IntN(5) == 0}
		code := fmt.Sprintf("0%d%d%d", 1+r.IntN(3), 1+r.IntN(2), 1+r.IntN(2))
		e.field = [3]string{code, code[:3], code[:2]}
		e.facets = append(e.facets, intern(pokot.FacetLevel, fmt.Sprint(e.level)), intern(pokot.FacetField, code[:2]),
			intern(pokot.FacetUnit, e.unit), intern(pokot.FacetOrg, fmt.Sprint(e.org)))
		if e.jotpa {
			e.facets = append(e.facets, intern(pokot.FacetJotpa, "true"))
		}
		if e.stack {
			e.facets = append(e.facets, intern(pokot.FacetStackable, "true"))
		}
		for _, l := range []string{"fi", "sv", "en"} {
			if r.IntN(2) == 0 {
				e.facets = append(e.facets, intern(pokot.FacetLanguage, l))
			}
		}
		for range r.IntN(3) {
			if id := intern(pokot.FacetSkill, fmt.Sprintf("s%d", r.IntN(60))); !slices.Contains(e.facets, id) {
				e.facets = append(e.facets, id)
			}
		}
		s.addEntry(e)
	}
	s.alive = newBitset(n)
	for i := range n {
		if r.IntN(10) != 0 { // some dead slots, as after patches
			s.alive.set(int32(i))
		}
	}
	s.densify()
	for round := range 300 {
		q := pokot.CatalogQuery{}
		if r.IntN(2) == 0 {
			q.Level = 3 + r.IntN(5)
		}
		if r.IntN(3) == 0 {
			q.Field = []string{"01", "021", "0312", "09"}[r.IntN(4)]
		}
		if r.IntN(3) == 0 {
			q.Unit = pokot.WorkloadUnit(units[r.IntN(3)])
			q.Min, q.Max = float64(r.IntN(4)), float64(r.IntN(12))
		}
		if r.IntN(3) == 0 {
			q.Org = int64(1 + r.IntN(4))
		}
		q.Jotpa, q.StackableToQualification = r.IntN(4) == 0, r.IntN(5) == 0
		if r.IntN(3) == 0 {
			q.Language = []string{"fi", "sv", "en", "de"}[r.IntN(4)]
		}
		if r.IntN(4) == 0 {
			q.Skill = fmt.Sprintf("s%d", r.IntN(70))
		}
		cand := newBitset(n)
		for i := range n {
			if s.alive.has(int32(i)) && r.IntN(4) != 0 {
				cand.set(int32(i))
			}
		}
		fs := s.filters(&q)
		hits, total, _ := s.count(cand, fs)
		// The definition, entry by entry.
		want, wantHits := make([]int, len(s.pairs)), 0
		for i := range int32(n) {
			if !cand.has(i) {
				continue
			}
			failed := -1
			fails := 0
			for j, f := range fs {
				if !f.pass.has(i) {
					fails++
					failed = j
				}
			}
			if (fails == 0) != hits.has(i) {
				t.Fatalf("round %d: entry %d hit %v, fails %d", round, i, hits.has(i), fails)
			}
			for _, p := range s.entries[i].facets {
				if fails == 0 || fails == 1 && s.pairKind[p] == fs[failed].kind {
					want[p]++
				}
			}
			if fails == 0 {
				wantHits++
			}
		}
		if total != wantHits {
			t.Fatalf("round %d: total %d, want %d", round, total, wantHits)
		}
		// count consumed nothing it was given; recompute the inputs of both strategies.
		for name, strategy := range map[string]func(bitset, []filter, []bitset) []int{"entries": s.countEntries, "pairs": s.countPairs} {
			hits, failsOnly := s.failing(cand, fs)
			if got := strategy(hits, fs, failsOnly); !slices.Equal(got, want) {
				t.Fatalf("round %d %+v: %s counts %v, want %v", round, q, name, got, want)
			}
		}
	}
}

// failing is count's first pass alone, for testing the two counting strategies.
func (s *snapshot) failing(cand bitset, fs []filter) (hits bitset, failsOnly []bitset) {
	hits = newBitset(len(s.entries))
	failsOnly = make([]bitset, len(fs))
	for j := range fs {
		failsOnly[j] = newBitset(len(s.entries))
	}
	for i := range int32(len(s.entries)) {
		if !cand.has(i) {
			continue
		}
		fails, failed := 0, 0
		for j, f := range fs {
			if !f.pass.has(i) {
				fails, failed = fails+1, j
			}
		}
		switch fails {
		case 0:
			hits.set(i)
		case 1:
			failsOnly[failed].set(i)
		}
	}
	return hits, failsOnly
}

// TestItemCacheBounded checks that the listing cache keeps at most maxItems and forgets
// only part of itself when full.
func TestItemCacheBounded(t *testing.T) {
	var c itemCache
	for i := range int64(maxItems + 1) {
		c.put(i, &pokot.MicrocredentialContent{EQFLevel: int(i % 8)})
		if len(c.m) > maxItems {
			t.Fatalf("%d listings cached", len(c.m))
		}
	}
	if len(c.m) != maxItems/2+1 || c.get(maxItems) == nil || c.get(maxItems).EQFLevel != maxItems%8 {
		t.Fatalf("after eviction: %d cached, newest %v", len(c.m), c.get(maxItems))
	}
}
