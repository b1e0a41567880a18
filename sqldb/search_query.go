package sqldb

import (
	"strconv"
	"strings"

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

// fts is the FTS5 expression requiring every word of t in the columns named.
func (t searchTerms) fts(columns string) string {
	var groups []string
	for _, alts := range t {
		var qs []string
		for _, s := range alts {
			qs = append(qs, `"`+strings.ReplaceAll(s, `"`, `""`)+`"*`)
		}
		groups = append(groups, columns+" : ("+strings.Join(qs, " OR ")+")")
	}
	return strings.Join(groups, " AND ")
}

// tsQuery is the PostgreSQL tsquery requiring every word of t as a prefix.
func (t searchTerms) tsQuery() string {
	var groups []string
	for _, alts := range t {
		var qs []string
		for _, s := range alts {
			qs = append(qs, "'"+strings.ReplaceAll(s, "'", "''")+"':*")
		}
		groups = append(groups, "("+strings.Join(qs, " | ")+")")
	}
	return strings.Join(groups, " & ")
}

// textQuery is the dialect branch of the search: the query for the ids of the POKs that
// contain every word, as one comma-separated text (one row instead of thousands: scanning
// rows costs more than the index lookup).
func (db *DB) textQuery(terms searchTerms) (string, []any) {
	long, short := terms.split()
	if db.dialect == SQLite {
		var parts []string
		if len(long) > 0 {
			parts = append(parts, long.fts("terms"))
		}
		if len(short) > 0 {
			parts = append(parts, short.fts("words"))
		}
		return `SELECT COALESCE(group_concat(rowid, ','), '') FROM catalog_fts WHERE catalog_fts MATCH $1`, []any{strings.Join(parts, " AND ")}
	}
	a := &args{}
	var conds []string
	if len(long) > 0 {
		conds = append(conds, `terms @@ CAST(`+a.p(long.tsQuery())+` AS tsquery)`)
	}
	if len(short) > 0 {
		conds = append(conds, `words @@ CAST(`+a.p(short.tsQuery())+` AS tsquery)`)
	}
	return `SELECT COALESCE(string_agg(mc_id::text, ','), '') FROM catalog_terms WHERE ` + strings.Join(conds, " AND "), a.vs
}

// inTitle reports whether a stemmed title holds every long word of the query: a stem
// without spaces occurs in the title text exactly when it occurs inside one of its words.
func (t searchTerms) inTitle(title string) bool {
	long, _ := t.split()
	if len(long) == 0 {
		return false
	}
	for _, alts := range long {
		found := false
		for _, s := range alts {
			if strings.Contains(title, s) {
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
