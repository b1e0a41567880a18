package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// The catalogue's query parameters (issue 4's contract, plus the further filters of the
// catalogue page). lang is the language of instruction, matching the "language" facet.
var catalogParams = []string{"q", "lang", "level", "field", "unit", "min", "max", "org", "skill",
	"participation", "jotpa", "stackable", "sort", "page", "per_page"}

// maxPage is the last page of results a client may ask for.
const maxPage = 1000

// catalogQuery reads the catalogue's query parameters strictly: every value that cannot be
// used is an EINVALID error naming its parameter (pokot.Errors), so that a client learns
// of a typo instead of getting unfiltered results. orgs maps slugs to organisation ids.
func catalogQuery(v url.Values, lang pokot.Lang, orgs map[string]int64) (pokot.CatalogQuery, error) {
	q := pokot.CatalogQuery{Lang: lang, Page: 1, PerPage: 20}
	var errs pokot.Errors
	bad := func(field, msg string) {
		errs = append(errs, pokot.FieldError(field, "err.catalog.bad_"+field, msg))
	}
	for name, vals := range v {
		if len(vals) > 1 && contains(catalogParams, name) {
			bad(name, "give "+name+" at most once")
		}
	}
	get := func(name string) string { return strings.TrimSpace(v.Get(name)) }

	if s := get("q"); utf8.RuneCountInString(s) > 200 {
		bad("q", "the query may have at most 200 characters")
	} else if !utf8.ValidString(s) {
		bad("q", "the query is not valid UTF-8")
	} else {
		q.Q = strings.Join(strings.Fields(s), " ")
	}
	if s := strings.ToLower(get("lang")); s != "" {
		if len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' {
			q.Language = s
		} else {
			bad("lang", "lang is the language of instruction as a two-letter ISO 639-1 code, e.g. fi")
		}
	}
	if s := get("level"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 8 {
			q.Level = n
		} else {
			bad("level", "level is an EQF level from 1 to 8")
		}
	}
	if s := get("field"); s != "" {
		if _, ok := pokot.ISCEDFieldByCode(s); ok {
			q.Field = s
		} else {
			bad("field", "field is an ISCED-F 2013 code, e.g. 09 or 0913")
		}
	}
	if s := strings.ToLower(get("unit")); s != "" {
		if contains(pokot.WorkloadUnits, pokot.WorkloadUnit(s)) {
			q.Unit = pokot.WorkloadUnit(s)
		} else {
			bad("unit", "unit is one of osp, op, h")
		}
	}
	for _, b := range []struct {
		name string
		dst  *float64
	}{{"min", &q.Min}, {"max", &q.Max}} {
		s := get(b.name)
		if s == "" {
			continue
		}
		f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		switch {
		case err != nil || f < 0 || f > 1e6 || f != f:
			bad(b.name, b.name+" is a workload, a number such as 5 or 2.5")
		case q.Unit == "" && get("unit") == "":
			bad(b.name, b.name+" needs unit: workloads in different units are never converted")
		default:
			*b.dst = f
		}
	}
	if q.Min > 0 && q.Max > 0 && q.Min > q.Max {
		bad("max", "max is smaller than min")
	}
	if s := get("org"); s != "" {
		if id, ok := orgs[s]; ok {
			q.Org = id
		} else {
			bad("org", "no organisation has the URL name "+strconv.Quote(shorten(s, 40)))
		}
	}
	if s := get("skill"); s != "" {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 300 {
			q.Skill = s
		} else {
			bad("skill", "skill is an ESCO skill URI, e.g. http://data.europa.eu/esco/skill/…")
		}
	}
	if s := get("participation"); s != "" {
		if contains(pokot.ParticipationForms, pokot.ParticipationForm(s)) {
			q.Participation = pokot.ParticipationForm(s)
		} else {
			bad("participation", "participation is one of online, onsite, blended, work_experience, volunteering")
		}
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"jotpa", &q.Jotpa}, {"stackable", &q.StackableToQualification}} {
		if s := get(b.name); s != "" {
			t, err := strconv.ParseBool(s)
			if err != nil {
				bad(b.name, b.name+" is true or false")
			}
			*b.dst = t
		}
	}
	if s := get("sort"); s != "" {
		if contains([]string{pokot.SortRelevance, pokot.SortNewest, pokot.SortTitle, pokot.SortWorkload}, s) {
			q.Sort = s
		} else {
			bad("sort", "sort is one of relevance, newest, title, workload")
		}
	}
	if s := get("page"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= maxPage {
			q.Page = n
		} else {
			bad("page", "page is a number from 1 to 1000")
		}
	}
	if s := get("per_page"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 100 {
			q.PerPage = n
		} else {
			bad("per_page", "per_page is a number from 1 to 100")
		}
	}
	return q, errs.Err()
}

// readerLang is the first of Finnish, Swedish and English in Accept-Language; titles are
// sorted in it. Finnish by default.
func readerLang(r *http.Request) pokot.Lang {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag, _, _ = strings.Cut(tag, "-")
		if l, ok := pokot.ParseLang(tag); ok {
			return l
		}
	}
	return pokot.Finnish
}

func contains[T comparable](list []T, x T) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// shorten cuts s to n runes, for echoing a value back.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
