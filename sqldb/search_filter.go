package sqldb

import (
	"math/bits"
	"strconv"

	"github.com/pokot/pokot"
)

// filterKinds are the catalogue's filters, by the facet each one narrows; a facet pair's
// kind (snapshot.pairKind) is its index here.
var filterKinds = []string{pokot.FacetLevel, pokot.FacetField, pokot.FacetUnit, pokot.FacetOrg, pokot.FacetJotpa,
	pokot.FacetStackable, pokot.FacetLanguage, pokot.FacetParticipation, pokot.FacetSkill}

func kindOf(facet string) uint8 {
	for i, f := range filterKinds {
		if f == facet {
			return uint8(i)
		}
	}
	return uint8(len(filterKinds))
}

// filter is one filter in use: its kind and the entries that pass it.
type filter struct {
	kind uint8
	pass bitset
}

// filters makes the bitsets of the query's filters in use. A value that no entry has gives
// an empty set: no results, but the facet counts of the other filters still show what
// dropping it would give.
func (s *snapshot) filters(q *pokot.CatalogQuery) []filter {
	var fs []filter
	n := len(s.entries)
	byPair := func(facet, value string) {
		id, ok := s.pairIDs[facetPair{facet, value}]
		if ok && s.pairBits[id] != nil {
			fs = append(fs, filter{kindOf(facet), s.pairBits[id]}) // read only
			return
		}
		b := newBitset(n)
		if ok {
			b.addAll(s.pairPost[id])
		}
		fs = append(fs, filter{kindOf(facet), b})
	}
	if q.Level > 0 {
		byPair(pokot.FacetLevel, strconv.Itoa(q.Level))
	}
	if q.Field != "" {
		key := "d" + q.Field
		switch len(q.Field) {
		case 2:
			key = "b" + q.Field
		case 3:
			key = "n" + q.Field
		}
		b := newBitset(n)
		b.addAll(s.fieldPost[key])
		fs = append(fs, filter{kindOf(pokot.FacetField), b})
	}
	if q.Unit != "" {
		b := newBitset(n)
		if id, ok := s.pairIDs[facetPair{pokot.FacetUnit, string(q.Unit)}]; ok {
			for _, i := range s.pairPost[id] {
				if w := s.entries[i].workload; (q.Min <= 0 || w >= q.Min) && (q.Max <= 0 || w <= q.Max) {
					b.set(i)
				}
			}
		}
		fs = append(fs, filter{kindOf(pokot.FacetUnit), b})
	}
	if q.Org > 0 {
		byPair(pokot.FacetOrg, strconv.FormatInt(q.Org, 10))
	}
	if q.Jotpa {
		byPair(pokot.FacetJotpa, "true")
	}
	if q.StackableToQualification {
		byPair(pokot.FacetStackable, "true")
	}
	if q.Language != "" {
		byPair(pokot.FacetLanguage, q.Language)
	}
	if q.Participation != "" {
		byPair(pokot.FacetParticipation, string(q.Participation))
	}
	if q.Skill != "" {
		byPair(pokot.FacetSkill, q.Skill)
	}
	return fs
}

// count runs the filters over the candidates in one pass. It returns the results (the
// candidates that pass every filter) and the facet counts, disjunctive for the filters in
// use: a candidate that passes every filter counts for all its facet values; one that fails
// exactly one filter counts only for the values of that filter's facet. So the counts of a
// facet whose filter is in use are those of the same search without that filter — the
// other values show how many results choosing them instead would give — and the counts of
// the other facets are those of the results.
func (s *snapshot) count(cand bitset, fs []filter) (hits bitset, total int, counts []int) {
	hits = newBitset(len(s.entries))
	k := len(fs)
	// failsOnly[j]: the candidates that fail filter j and pass every other one — those
	// passing the filters before j (prefix), failing j, passing those after (suffix).
	failsOnly := make([]bitset, k)
	for j := range failsOnly {
		failsOnly[j] = newBitset(len(s.entries))
	}
	prefix := make([]uint64, k+1)
	touched := 0 // entries whose facets count, for choosing how to count
	for w, c := range cand {
		if c == 0 {
			continue
		}
		prefix[0] = c
		for j, f := range fs {
			prefix[j+1] = prefix[j] & f.pass[w]
		}
		hits[w] = prefix[k]
		touched += bits.OnesCount64(prefix[k])
		suffix := ^uint64(0)
		for j := k - 1; j >= 0; j-- {
			only := prefix[j] &^ fs[j].pass[w] & suffix
			failsOnly[j][w] = only
			touched += bits.OnesCount64(only)
			suffix &= fs[j].pass[w]
		}
	}
	total = hits.count()
	if float64(touched)*s.facetsPer < float64(s.pairCost) {
		return hits, total, s.countEntries(hits, fs, failsOnly)
	}
	return hits, total, s.countPairs(hits, fs, failsOnly)
}

// countEntries counts entry by entry: cheap when the results are few.
func (s *snapshot) countEntries(hits bitset, fs []filter, failsOnly []bitset) []int {
	counts := make([]int, len(s.pairs))
	for w, word := range hits {
		eachBit(w, word, func(i int32) {
			for _, f := range s.entries[i].facets {
				counts[f]++
			}
		})
	}
	for j, f := range fs {
		for w, word := range failsOnly[j] {
			eachBit(w, word, func(i int32) {
				for _, p := range s.entries[i].facets {
					if s.pairKind[p] == f.kind {
						counts[p]++
					}
				}
			})
		}
	}
	return counts
}

// countPairs counts value by value, intersecting each value's entries with the results
// (and, for the facet of a filter in use, with those that fail only that filter): its
// cost does not depend on how many results there are.
func (s *snapshot) countPairs(hits bitset, fs []filter, failsOnly []bitset) []int {
	counts := make([]int, len(s.pairs))
	var byKind [16]bitset
	for j, f := range fs {
		u := failsOnly[j]
		for w := range u {
			u[w] |= hits[w]
		}
		byKind[f.kind] = u
	}
	for p := range s.pairs {
		x := hits
		if u := byKind[s.pairKind[p]]; u != nil {
			x = u
		}
		n := 0
		if b := s.pairBits[p]; b != nil {
			for w, word := range b {
				n += bits.OnesCount64(word & x[w])
			}
		} else {
			for _, i := range s.pairPost[p] {
				if x.has(i) {
					n++
				}
			}
		}
		counts[p] = n
	}
	return counts
}
