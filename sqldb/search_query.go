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

// textQueries is the dialect branch of the search: the query for the ids of the POKs that
// contain every word, and the query for those whose title holds every long word (for
// ranking; "" when the query has no long word).
func (db *DB) textQueries(terms searchTerms) (match string, matchArgs []any, title string, titleArgs []any) {
	long, short := terms.split()
	if db.dialect == SQLite {
		var parts []string
		if len(long) > 0 {
			parts = append(parts, long.fts("{title body}"))
			title, titleArgs = `SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH $1`, []any{long.fts("title")}
		}
		if len(short) > 0 {
			parts = append(parts, short.fts("words"))
		}
		return `SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH $1`, []any{strings.Join(parts, " AND ")}, title, titleArgs
	}
	a := &args{}
	var conds []string
	if len(long) > 0 {
		conds = append(conds, `terms @@ CAST(`+a.p(long.tsQuery())+` AS tsquery)`)
		title, titleArgs = `SELECT mc_id FROM catalog_docs WHERE title_terms @@ CAST($1 AS tsquery)`, []any{long.tsQuery()}
	}
	if len(short) > 0 {
		conds = append(conds, `words @@ CAST(`+a.p(short.tsQuery())+` AS tsquery)`)
	}
	return `SELECT mc_id FROM catalog_docs WHERE ` + strings.Join(conds, " AND "), a.vs, title, titleArgs
}
