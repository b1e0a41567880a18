package sqldb

import (
	"strconv"

	"github.com/pokot/pokot/stem"
)

// args numbers bind parameters in the order they are written into the SQL text.
type args struct{ vs []any }

func (a *args) p(v any) string {
	a.vs = append(a.vs, v)
	return "$" + strconv.Itoa(len(a.vs))
}

// searchTerms is a parsed query: for each word, the stems to look for. Words whose stems
// have fewer than two letters are dropped: they would match everything.
type searchTerms [][]string

func parseQuery(q string) searchTerms {
	var t searchTerms
	for _, alts := range stem.Query(q, searchLangs...) {
		if minLen(alts) >= 2 && len(t) < 8 {
			t = append(t, alts)
		}
	}
	return t
}

func minLen(alts []string) int {
	n := 1 << 30
	for _, s := range alts {
		n = min(n, len([]rune(s)))
	}
	return n
}

// split separates the words matched inside words (three letters or more) from the short
// ones ("ai", "5g"), which only match at the start of a word: inside words two letters
// would match nearly everything.
func (t searchTerms) split() (long, short searchTerms) {
	for _, alts := range t {
		if minLen(alts) >= 3 {
			long = append(long, alts)
		} else {
			short = append(short, alts)
		}
	}
	return
}
