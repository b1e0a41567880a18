package sqldb

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// textIndex matches query stems against the stemmed words of the published POKs in memory.
// Its vocabulary holds every distinct stemmed word (all three languages, title and body),
// each with its postings: the snapshot entries that contain it, and those whose title
// does. A query stem matches a word when it occurs inside it (a prefix of one of its
// suffixes: "roboti" is in "hoivarobotiik"); two-letter stems only at the start of a word.
// Substrings are found in a suffix array over the vocabulary — every suffix of every word,
// sorted — by binary search, so a lookup costs a few microseconds however large the
// catalogue; the matching words' postings are then OR-ed into a bitset.
//
// An index is never changed once a snapshot holds it: patching makes a new one that shares
// what did not change (words added by a patch go to extra, scanned one by one, until the
// next full load sorts them in).
type textIndex struct {
	words     []string  // word id → word; words[:nBase] are sorted
	nBase     int       // the words the suffix array covers
	sa        []suffix  // the suffixes of words[:nBase], sorted
	post      [][]int32 // word id → entries holding the word, ascending
	titlePost [][]int32 // word id → entries whose title holds it, ascending
	extra     map[string]int32
}

// suffix is words[word][off:].
type suffix struct {
	word int32
	off  uint16
}

func (t *textIndex) suffixText(s suffix) string { return t.words[s.word][s.off:] }

// textBuilder collects the vocabulary while a snapshot loads.
type textBuilder struct {
	ids       map[string]int32
	words     []string
	post      [][]int32
	titlePost [][]int32
}

func newTextBuilder() *textBuilder { return &textBuilder{ids: map[string]int32{}} }

// add records the stemmed title and body of entry e; entries come in ascending order.
func (b *textBuilder) add(e int32, title, body string) {
	b.addWords(e, title, true)
	b.addWords(e, body, false)
}

func (b *textBuilder) addWords(e int32, text string, inTitle bool) {
	for w := range strings.FieldsSeq(text) {
		id, ok := b.ids[w]
		if !ok {
			id = int32(len(b.words))
			w = strings.Clone(w) // not the whole text the database returned
			b.ids[w] = id
			b.words = append(b.words, w)
			b.post = append(b.post, nil)
			b.titlePost = append(b.titlePost, nil)
		}
		if p := b.post[id]; len(p) == 0 || p[len(p)-1] != e {
			b.post[id] = append(p, e)
		}
		if p := b.titlePost[id]; inTitle && (len(p) == 0 || p[len(p)-1] != e) {
			b.titlePost[id] = append(p, e)
		}
	}
}

// build sorts the vocabulary and makes its suffix array.
func (b *textBuilder) build() *textIndex {
	order := make([]int32, len(b.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.words[x], b.words[y]) })
	t := &textIndex{words: make([]string, len(order)), nBase: len(order), post: make([][]int32, len(order)),
		titlePost: make([][]int32, len(order)), extra: map[string]int32{}}
	n := 0
	for i, id := range order {
		t.words[i], t.post[i], t.titlePost[i] = b.words[id], slices.Clip(b.post[id]), slices.Clip(b.titlePost[id])
		n += utf8.RuneCountInString(b.words[id])
	}
	t.sa = make([]suffix, 0, n)
	for i, w := range t.words {
		// Every suffix of two letters or more (stems are at least two letters), and the
		// word itself for prefix lookups however short.
		for off := range w {
			if off > 0 && utf8.RuneCountInString(w[off:]) < 2 || off > 65535 {
				break
			}
			t.sa = append(t.sa, suffix{int32(i), uint16(off)})
		}
	}
	slices.SortFunc(t.sa, func(x, y suffix) int { return strings.Compare(t.suffixText(x), t.suffixText(y)) })
	return t
}

// lookup returns the ids of the words that contain stem (anywhere, or only at their start
// when prefix is true), each once.
func (t *textIndex) lookup(stem string, prefix bool) []int32 {
	var out []int32
	if prefix {
		base := t.words[:t.nBase]
		for i := sort.SearchStrings(base, stem); i < len(base) && strings.HasPrefix(base[i], stem); i++ {
			out = append(out, int32(i))
		}
	} else {
		i := sort.Search(len(t.sa), func(i int) bool { return t.suffixText(t.sa[i]) >= stem })
		for ; i < len(t.sa) && strings.HasPrefix(t.suffixText(t.sa[i]), stem); i++ {
			out = append(out, t.sa[i].word)
		}
		slices.Sort(out)
		out = slices.Compact(out)
	}
	for w, id := range t.extra {
		if prefix && strings.HasPrefix(w, stem) || !prefix && strings.Contains(w, stem) {
			out = append(out, id)
		}
	}
	return out
}

// match returns the entries that hold every word of terms (one of its stems each), and
// those whose title holds every long word (for ranking); title is nil when terms has no
// long word. Entries no longer published are still in the result: the caller masks them.
func (t *textIndex) match(terms searchTerms, n int) (all, title bitset) {
	long, short := terms.split()
	and := func(acc, b bitset) bitset {
		if acc == nil {
			return b
		}
		acc.and(b)
		return acc
	}
	for _, alts := range short {
		all = and(all, t.union(alts, true, t.post, n))
	}
	for _, alts := range long {
		all = and(all, t.union(alts, false, t.post, n))
		title = and(title, t.union(alts, false, t.titlePost, n))
	}
	return all, title
}

// union ORs the postings of the words that hold one of the stems.
func (t *textIndex) union(stems []string, prefix bool, post [][]int32, n int) bitset {
	b := newBitset(n)
	for _, s := range stems {
		for _, id := range t.lookup(s, prefix) {
			b.addAll(post[id])
		}
	}
	return b
}

// patched returns a copy of t that also records the words of new entries; t is unchanged.
func (t *textIndex) patched(added []textDoc) *textIndex {
	n := &textIndex{words: slices.Clip(t.words), nBase: t.nBase, sa: t.sa, post: slices.Clone(t.post),
		titlePost: slices.Clone(t.titlePost), extra: make(map[string]int32, len(t.extra))}
	for w, id := range t.extra {
		n.extra[w] = id
	}
	copied := map[int32]bool{} // postings already copied for this patch
	for _, d := range added {
		for i, text := range []string{d.title, d.body} {
			for w := range strings.FieldsSeq(text) {
				id := n.find(w)
				if id < 0 {
					id = int32(len(n.words))
					n.words = append(n.words, strings.Clone(w))
					n.post = append(n.post, nil)
					n.titlePost = append(n.titlePost, nil)
					n.extra[n.words[id]] = id
					copied[id] = true
				}
				if !copied[id] {
					n.post[id] = slices.Clone(n.post[id])
					n.titlePost[id] = slices.Clone(n.titlePost[id])
					copied[id] = true
				}
				if p := n.post[id]; len(p) == 0 || p[len(p)-1] != d.entry {
					n.post[id] = append(p, d.entry)
				}
				if p := n.titlePost[id]; i == 0 && (len(p) == 0 || p[len(p)-1] != d.entry) {
					n.titlePost[id] = append(p, d.entry)
				}
			}
		}
	}
	return n
}

// find returns the id of a word, -1 when the vocabulary lacks it.
func (t *textIndex) find(w string) int32 {
	base := t.words[:t.nBase]
	if i := sort.SearchStrings(base, w); i < len(base) && base[i] == w {
		return int32(i)
	}
	if id, ok := t.extra[w]; ok {
		return id
	}
	return -1
}

// textDoc is the stemmed text of one entry added by a patch.
type textDoc struct {
	entry       int32
	title, body string
}
