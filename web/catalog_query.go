package web

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// The catalogue's URL parameters. They are the API's names (issue 4's contract), except
// that the language of instruction is "language": "lang" switches the page's language.
const (
	pQ             = "q"
	pLevel         = "level"
	pField         = "field"
	pUnit          = "unit"
	pMin           = "min"
	pMax           = "max"
	pOrg           = "org"
	pSkill         = "skill"
	pLanguage      = "language"
	pParticipation = "participation"
	pJotpa         = "jotpa"
	pStackable     = "stackable"
	pSort          = "sort"
	pPage          = "page"
)

// catalogPerPage is the number of results on one catalogue page.
const catalogPerPage = 20

// maxCatalogPage is the last page a visitor can ask for (the store's own limit).
const maxCatalogPage = 1000

// paramProblem is one URL parameter that could not be used: the catalog key of the message
// and the value as given, shown back to the visitor.
type paramProblem struct {
	Key   string
	Value string
}

// catalogParams is a catalogue search as the URL gives it: the store's query plus the raw
// texts of the number fields (to fill the form back) and what had to be ignored.
type catalogParams struct {
	Query    pokot.CatalogQuery
	MinText  string
	MaxText  string
	Problems []paramProblem
}

// parseCatalogParams reads a catalogue URL. Nothing a visitor can type fails the page: a
// value that cannot be used is left out of the search and reported in Problems.
func parseCatalogParams(v url.Values, lang pokot.Lang) *catalogParams {
	p := &catalogParams{Query: pokot.CatalogQuery{Lang: lang, PerPage: catalogPerPage, Page: 1}}
	q := &p.Query
	bad := func(key, val string) {
		p.Problems = append(p.Problems, paramProblem{Key: key, Value: shorten(val, 40)})
	}
	q.Q = strings.Join(strings.Fields(shorten(v.Get(pQ), 200)), " ")
	if s := strings.TrimSpace(v.Get(pLevel)); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 8 {
			q.Level = n
		} else {
			bad("catalogue.bad.level", s)
		}
	}
	if s := strings.TrimSpace(v.Get(pField)); s != "" {
		if _, ok := pokot.ISCEDFieldByCode(s); ok {
			q.Field = s
		} else {
			bad("catalogue.bad.field", s)
		}
	}
	if s := strings.TrimSpace(v.Get(pUnit)); s != "" {
		if u, ok := parseUnit(s); ok {
			q.Unit = u
		} else {
			bad("catalogue.bad.unit", s)
		}
	}
	p.MinText, p.MaxText = strings.TrimSpace(v.Get(pMin)), strings.TrimSpace(v.Get(pMax))
	for _, b := range []struct {
		text string
		dst  *float64
	}{{p.MinText, &q.Min}, {p.MaxText, &q.Max}} {
		if b.text == "" {
			continue
		}
		f, ok := parseDecimal(b.text)
		if !ok {
			bad("catalogue.bad.number", b.text)
			continue
		}
		*b.dst = f
	}
	if (q.Min > 0 || q.Max > 0) && q.Unit == "" {
		bad("catalogue.bad.range_unit", "")
		q.Min, q.Max = 0, 0
	}
	if q.Min > 0 && q.Max > 0 && q.Min > q.Max {
		bad("catalogue.bad.range_order", "")
		q.Min, q.Max = q.Max, q.Min
	}
	if s := strings.TrimSpace(v.Get(pOrg)); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			q.Org = n
		} else {
			bad("catalogue.bad.org", s)
		}
	}
	if s := strings.TrimSpace(v.Get(pSkill)); s != "" {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 300 {
			q.Skill = s
		} else {
			bad("catalogue.bad.skill", s)
		}
	}
	if s := strings.ToLower(strings.TrimSpace(v.Get(pLanguage))); s != "" {
		if isLanguageCode(s) {
			q.Language = s
		} else {
			bad("catalogue.bad.language", s)
		}
	}
	if s := strings.TrimSpace(v.Get(pParticipation)); s != "" {
		if f, ok := parseParticipation(s); ok {
			q.Participation = f
		} else {
			bad("catalogue.bad.participation", s)
		}
	}
	q.Jotpa = truthy(v.Get(pJotpa))
	q.StackableToQualification = truthy(v.Get(pStackable))
	if s := strings.TrimSpace(v.Get(pSort)); s != "" {
		switch s {
		case pokot.SortRelevance, pokot.SortNewest, pokot.SortTitle, pokot.SortWorkload:
			q.Sort = s
		default:
			bad("catalogue.bad.sort", s)
		}
	}
	if q.Sort == pokot.SortRelevance && q.Q == "" {
		q.Sort = ""
	}
	if s := strings.TrimSpace(v.Get(pPage)); s != "" {
		n, err := strconv.Atoi(s)
		switch {
		case err != nil || n < 1:
			bad("catalogue.bad.page", s)
		case n > maxCatalogPage:
			bad("catalogue.bad.page_high", s)
			q.Page = maxCatalogPage
		default:
			q.Page = n
		}
	}
	return p
}

// values is the search as URL parameters, without the page: the base of every link that
// changes one part of it. Only what was used is kept, so that links are short and a
// refused value does not travel on.
func (p *catalogParams) values() url.Values {
	q := &p.Query
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set(pQ, q.Q)
	if q.Level > 0 {
		set(pLevel, strconv.Itoa(q.Level))
	}
	set(pField, q.Field)
	set(pUnit, string(q.Unit))
	if q.Unit != "" {
		if q.Min > 0 {
			set(pMin, p.MinText)
		}
		if q.Max > 0 {
			set(pMax, p.MaxText)
		}
	}
	if q.Org > 0 {
		set(pOrg, strconv.FormatInt(q.Org, 10))
	}
	set(pSkill, q.Skill)
	set(pLanguage, q.Language)
	set(pParticipation, string(q.Participation))
	if q.Jotpa {
		set(pJotpa, "1")
	}
	if q.StackableToQualification {
		set(pStackable, "1")
	}
	set(pSort, q.Sort)
	return v
}

// link is the catalogue URL of the search with the changes applied: each pair of
// keyvals sets a parameter, an empty value removes it. The page is reset unless given.
func (p *catalogParams) link(keyvals ...string) string {
	v := p.values()
	for i := 0; i+1 < len(keyvals); i += 2 {
		if keyvals[i+1] == "" {
			v.Del(keyvals[i])
			if keyvals[i] == pUnit {
				v.Del(pMin)
				v.Del(pMax)
			}
		} else {
			v.Set(keyvals[i], keyvals[i+1])
		}
	}
	if len(v) == 0 {
		return "/microcredentials"
	}
	return "/microcredentials?" + v.Encode()
}

// filtered reports whether any filter (not the words) narrows the search.
func (p *catalogParams) filtered() bool {
	q := p.Query
	return q.Level > 0 || q.Field != "" || q.Unit != "" || q.Org > 0 || q.Skill != "" || q.Language != "" ||
		q.Participation != "" || q.Jotpa || q.StackableToQualification
}

func parseUnit(s string) (pokot.WorkloadUnit, bool) {
	for _, u := range pokot.WorkloadUnits {
		if string(u) == s {
			return u, true
		}
	}
	return "", false
}

func parseParticipation(s string) (pokot.ParticipationForm, bool) {
	for _, f := range pokot.ParticipationForms {
		if string(f) == s {
			return f, true
		}
	}
	return "", false
}

// parseDecimal reads a non-negative number written with a decimal point or comma
// ("2,5" as Finns and Swedes write it).
func parseDecimal(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil || f < 0 || f > 100000 || f != f {
		return 0, false
	}
	return f, true
}

// isLanguageCode accepts a two-letter ISO 639-1 code.
func isLanguageCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "on", "yes":
		return true
	}
	return false
}

// shorten cuts s to at most n runes.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}
