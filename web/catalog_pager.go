package web

import "strconv"

// pager is the page navigation under the results: previous, a window of numbered pages
// with the first and the last, and next. Every link keeps the search.
type pager struct {
	Page, Last int
	PrevURL    string
	NextURL    string
	Links      []pageLink
}

// pageLink is one numbered page; Gap marks "…" before it.
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// newPager returns nil when everything fits on one page.
func newPager(p *catalogParams, total int) *pager {
	per := p.Query.PerPage
	if per < 1 {
		per = catalogPerPage
	}
	last := (total + per - 1) / per
	if last > maxCatalogPage {
		last = maxCatalogPage
	}
	if last <= 1 {
		return nil
	}
	cur := p.Query.Page
	pg := &pager{Page: cur, Last: last}
	url := func(n int) string {
		if n == 1 {
			return p.link()
		}
		return p.link(pPage, strconv.Itoa(n))
	}
	if cur > 1 && cur <= last {
		pg.PrevURL = url(cur - 1)
	}
	if cur < last {
		pg.NextURL = url(cur + 1)
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < cur-2 || n > cur+2) {
			continue
		}
		pg.Links = append(pg.Links, pageLink{N: n, URL: url(n), Current: n == cur, Gap: prev != 0 && n > prev+1})
		prev = n
	}
	return pg
}
