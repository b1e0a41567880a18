package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// The public catalogue: published versions only, no token needed (a token is ignored).

// catalogJSON is one page of catalogue results.
type catalogJSON struct {
	Items   []catalogItemJSON       `json:"items"`
	Total   int                     `json:"total"`
	Page    int                     `json:"page"`
	PerPage int                     `json:"perPage"`
	Facets  map[string][]facetCount `json:"facets"`
}

// catalogItemJSON is one result: the published version with its relevance score.
type catalogItemJSON struct {
	mcJSON
	Score float64 `json:"score"`
}

// facetCount is how many results have one value of a facet. Organisations are given by
// their URL name, as the org parameter takes them.
type facetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// searchCatalog is GET /api/v1/microcredentials.
func (a *API) searchCatalog(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	orgs, err := a.store.Orgs(r.Context())
	if err != nil {
		return err
	}
	bySlug, byID := map[string]int64{}, map[int64]string{}
	for _, o := range orgs {
		bySlug[o.Slug], byID[o.ID] = o.ID, o.Slug
	}
	q, err := catalogQuery(r.URL.Query(), readerLang(r), bySlug)
	var es pokot.Errors
	if errors.As(err, &es) {
		// A query parameter is not a field of a body: 400, with the parameters named.
		writeProblem(w, http.StatusBadRequest, &pokot.Error{Code: pokot.EINVALID, Key: "err.catalog.bad_query",
			Message: "a query parameter cannot be used; see errors"}, problemExt{problem: problem{Errors: fieldErrors(es)}})
		return nil
	}
	res, err := a.store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	out := catalogJSON{Items: []catalogItemJSON{}, Total: res.Total, Page: q.Page, PerPage: q.PerPage, Facets: map[string][]facetCount{}}
	for _, it := range res.Items {
		m := &pokot.Microcredential{ID: it.ID, OrgID: it.OrgID, Slug: it.Slug}
		pub := it.PublishedAt
		v := &pokot.MicrocredentialVersion{Number: it.Version, Status: pokot.StatusPublished, Content: it.Content, PublishedAt: &pub}
		out.Items = append(out.Items, catalogItemJSON{mcJSON: a.toMCJSON(m, byID[it.OrgID], v), Score: it.Score})
	}
	for f, cs := range res.Facets {
		list := []facetCount{}
		for _, c := range cs {
			val := c.Value
			if f == pokot.FacetOrg {
				id, _ := strconv.ParseInt(val, 10, 64)
				if byID[id] == "" {
					continue
				}
				val = byID[id]
			}
			list = append(list, facetCount{Value: val, Count: c.Count})
		}
		out.Facets[f] = list
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	writeJSON(w, http.StatusOK, out)
	return nil
}

// published loads the published version of the POK in {id} with its organisation.
// ENOTFOUND for an unknown id and for a POK without a published version.
func (a *API) published(r *http.Request) (*pokot.Microcredential, *pokot.Organisation, error) {
	id, err := mcID(r)
	if err != nil {
		return nil, nil, err
	}
	m, err := a.store.PublishedMicrocredential(r.Context(), id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND || (err == nil && m.Published == nil) {
		return nil, nil, mcNotFound()
	} else if err != nil {
		return nil, nil, err
	}
	org, err := a.store.OrgByID(r.Context(), m.OrgID)
	if err != nil {
		return nil, nil, err
	}
	return m, org, nil
}

// microcredential is GET /api/v1/microcredentials/{id}: every element of the published
// version.
func (a *API) microcredential(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	m, org, err := a.published(r)
	if err != nil {
		return err
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	writeJSON(w, http.StatusOK, a.toMCJSON(m, org.Slug, m.Published))
	return nil
}

// microcredentialOB3 is GET /api/v1/microcredentials/{id}/ob3: the Open Badges 3.0
// Achievement of the published version.
func (a *API) microcredentialOB3(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	return a.exportLD(w, r, exchange.Achievement)
}

// microcredentialELM is GET /api/v1/microcredentials/{id}/elm: the ELM v3 Qualification
// of the published version.
func (a *API) microcredentialELM(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	return a.exportLD(w, r, exchange.ELM)
}

func (a *API) exportLD(w http.ResponseWriter, r *http.Request, build func(exchange.Export) (map[string]any, error)) error {
	m, org, err := a.published(r)
	if err != nil {
		return err
	}
	v := m.Published
	e := exchange.Export{BaseURL: a.cfg.BaseURL, Org: org, Version: v}
	if v.Content.Image != nil {
		e.ImageURL = imageURL(strings.TrimRight(a.cfg.BaseURL, "/"), m.ID, v.Number)
	}
	doc, err := build(e)
	if err != nil {
		// The published description or its organisation lacks something the reader cannot
		// fix: an internal error, with the reason in the log.
		return &pokot.Error{Code: pokot.EINTERNAL, Message: "export of a published POK failed", Err: err}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/ld+json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_, err = w.Write(buf.Bytes())
	return err
}

// versionJSON is one published (or once published, now archived) version in a list.
type versionJSON struct {
	Version     int        `json:"version"`
	Status      string     `json:"status"`
	Title       pokot.Text `json:"title"`
	PublishedAt *time.Time `json:"publishedAt,omitempty"`
	ArchivedAt  *time.Time `json:"archivedAt,omitempty"`
	Current     bool       `json:"current"` // the version in the catalogue now
	URLs        mcURLs     `json:"urls"`
}

// microcredentialVersions is GET /api/v1/microcredentials/{id}/versions: the versions
// that have been published, newest first. Drafts and versions in review stay private.
func (a *API) microcredentialVersions(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	m, _, err := a.published(r)
	if err != nil {
		return err
	}
	vs, err := a.store.MicrocredentialVersions(r.Context(), m.OrgID, m.ID)
	if err != nil {
		return err
	}
	out := []versionJSON{}
	for _, v := range vs {
		if v.PublishedAt == nil || (v.Status != pokot.StatusPublished && v.Status != pokot.StatusArchived) {
			continue
		}
		j := versionJSON{Version: v.Number, Status: string(v.Status), Title: v.Content.Title,
			Current: v.Number == m.PublishedVersion, URLs: a.versionURLs(m.ID, v.Number, v.Content.Image != nil)}
		t := v.PublishedAt.UTC()
		j.PublishedAt = &t
		if v.ArchivedAt != nil {
			at := v.ArchivedAt.UTC()
			j.ArchivedAt = &at
		}
		out = append(out, j)
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	writeJSON(w, http.StatusOK, map[string]any{"id": m.ID, "versions": out})
	return nil
}

// versionURLs are the addresses of one version of a list: its own public page and exports
// (the API's ob3 and elm serve the current version only).
func (a *API) versionURLs(id int64, number int, image bool) mcURLs {
	u := a.publicURLs(id, number, image)
	u.Page = u.ID
	u.OB3, u.ELM = u.ID+"/ob3", u.ID+"/elm"
	return u
}
