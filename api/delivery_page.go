package api

import (
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
)

// pageJSON is one page of a delivery list: page numbers from 1, per_page items a page
// (1–500, default 100), as the catalogue's page and per_page.
type pageJSON[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"perPage"`
}

// page is the page asked for.
type page struct{ n, per int }

// maxPerPage bounds per_page of the delivery lists.
const maxPerPage = 500

// readPage reads ?page= and ?per_page=; any other query parameter but those in extra is
// refused. It answers the 400 itself and returns false when the query cannot be used.
func readPage(w http.ResponseWriter, r *http.Request, extra ...string) (page, bool) {
	pg := page{n: 1, per: 100}
	errs := map[string][]string{}
	q := r.URL.Query()
	if s := q.Get("page"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 1_000_000 {
			pg.n = n
		} else {
			errs["page"] = []string{"page is a number from 1"}
		}
	}
	if s := q.Get("per_page"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= maxPerPage {
			pg.per = n
		} else {
			errs["per_page"] = []string{"per_page is a number from 1 to " + strconv.Itoa(maxPerPage)}
		}
	}
	for k := range q {
		if k != "page" && k != "per_page" && !contains(extra, k) {
			errs[k] = []string{"unknown query parameter"}
		}
	}
	if len(errs) > 0 {
		badQuery(w, errs)
		return pg, false
	}
	return pg, true
}

// writePage answers with the items of page pg of all.
func writePage[T any](w http.ResponseWriter, pg page, all []T) {
	from := min((pg.n-1)*pg.per, len(all))
	to := min(from+pg.per, len(all))
	writeJSON(w, http.StatusOK, pageJSON[T]{Items: all[from:to], Total: len(all), Page: pg.n, PerPage: pg.per})
}

// badQuery answers 400 naming the query parameters that cannot be used.
func badQuery(w http.ResponseWriter, errs map[string][]string) {
	writeProblem(w, http.StatusBadRequest, &pokot.Error{Code: pokot.EINVALID, Key: "err.bad_query",
		Message: "a query parameter cannot be used; see errors"}, problemExt{problem: problem{Errors: errs}})
}
