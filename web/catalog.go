package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// The public catalogue of published POKs: search with filters and counts, one page per
// POK (and per published version), its exports, feeds and the sitemap. No sign-in; only
// published versions are ever read (Search and PublishedMicrocredential see nothing else).

// catalogCard is one result in the list, every text ready in the reader's language.
type catalogCard struct {
	URL       string
	Title     string
	Org       string
	Summary   string
	Workload  string
	Level     string
	Field     string
	Languages string
	Jotpa     bool
	Stackable bool
	Published time.Time
}

// catalogData is the data of the catalogue page.
type catalogData struct {
	Q         string
	Total     int
	CountText string
	Cards     []catalogCard
	Facets    []*facetView
	Units     *facetView
	Checks    []checkFacet
	MinText   string
	MaxText   string
	Sorts     []sortOption
	Pager     *pager
	Problems  []paramProblem
	Active    []activeFilter
	ClearURL  string // the same words without filters
	Filtered  bool
	BeyondEnd bool   // a page after the last one was asked for
	FirstURL  string // page 1 of the same search
}

// sortOption is one choice of the sort menu.
type sortOption struct {
	Value, Key string
	Selected   bool
}

// catalogue is the search page: GET /microcredentials?q=…&level=…&page=….
func (s *server) catalogue(w http.ResponseWriter, r *http.Request) error {
	mcs := s.store
	return s.renderShared(w, r, "catalog", func() (any, bool, error) {
		p := parseCatalogParams(r.URL.Query(), st(r).lang)
		d, err := s.searchPage(r.Context(), mcs, p)
		return d, len(p.Problems) == 0, err
	})
}

// searchPage runs the search and prepares every text of the page.
func (s *server) searchPage(ctx context.Context, mcs pokot.MicrocredentialService, p *catalogParams) (*catalogData, error) {
	lang := p.Query.Lang
	res, err := mcs.Search(ctx, p.Query)
	if err != nil {
		return nil, err
	}
	orgs := res.Orgs
	d := &catalogData{
		Q: p.Query.Q, Total: res.Total, MinText: p.MinText, MaxText: p.MaxText,
		Problems: p.Problems, Filtered: p.filtered(), ClearURL: clearFilters(p),
	}
	d.CountText = countText(lang, res.Total)
	for _, it := range res.Items {
		rememberSkills(&it.Content)
		d.Cards = append(d.Cards, cardOf(lang, it, orgs))
	}
	s.buildFacets(ctx, mcs, lang, p, res, orgs, d)
	d.Sorts = sortOptions(p)
	d.Pager = newPager(p, res.Total)
	if len(res.Items) == 0 && res.Total > 0 {
		d.BeyondEnd = true
		d.FirstURL = p.link()
	}
	return d, nil
}

// cardOf makes the result card of one item.
func cardOf(l pokot.Lang, it *pokot.CatalogItem, orgs map[int64]pokot.Text) catalogCard {
	c := &it.Content
	return catalogCard{
		URL:       "/microcredentials/" + strconv.FormatInt(it.ID, 10),
		Title:     c.Title.Get(l),
		Org:       orgs[it.OrgID].Get(l),
		Summary:   summary(c.Description.Get(l), 220),
		Workload:  workloadText(l, c.Workload),
		Level:     levelText(l, c),
		Field:     fieldName(l, c.ISCEDField),
		Languages: languageNames(l, c.Languages),
		Jotpa:     c.Price.Jotpa,
		Stackable: c.Stackability.Kind == pokot.StackQualificationUnit,
		Published: it.PublishedAt,
	}
}

// countText is "1 osaamiskokonaisuus" or "12 osaamiskokonaisuutta".
func countText(l pokot.Lang, n int) string {
	return i18n.N(l, "catalogue.count", n)
}

func sortOptions(p *catalogParams) []sortOption {
	cur := p.Query.Sort
	if cur == "" {
		cur = pokot.SortNewest
		if p.Query.Q != "" {
			cur = pokot.SortRelevance
		}
	}
	var out []sortOption
	for _, v := range []string{pokot.SortRelevance, pokot.SortNewest, pokot.SortTitle, pokot.SortWorkload} {
		if v == pokot.SortRelevance && p.Query.Q == "" {
			continue
		}
		out = append(out, sortOption{Value: v, Key: "catalogue.sort." + v, Selected: v == cur})
	}
	return out
}

// clearFilters is the link to the same words without any filter.
func clearFilters(p *catalogParams) string {
	if p.Query.Q == "" {
		return "/microcredentials"
	}
	return "/microcredentials?" + pQ + "=" + url.QueryEscape(p.Query.Q)
}
