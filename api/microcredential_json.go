package api

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// mcJSON is one version of a POK in API responses: the content type's own JSON (every
// element, under its stable field names) with the identity of the POK and the version
// beside it. Image data never travels in it; urls.image serves the picture.
type mcJSON struct {
	ID          int64      `json:"id"`
	Org         string     `json:"org"`
	Slug        string     `json:"slug"`
	Version     int        `json:"version"`
	Status      string     `json:"status"`
	PublishedAt *time.Time `json:"publishedAt,omitempty"`
	pokot.MicrocredentialContent
	URLs mcURLs `json:"urls"`
}

// mcURLs are the addresses of a POK version and its exports.
type mcURLs struct {
	ID       string `json:"id,omitempty"`       // the version's identifier in OB 3.0 and ELM
	Page     string `json:"page,omitempty"`     // the public catalogue page
	API      string `json:"api"`                // this API's JSON of the POK
	OB3      string `json:"ob3,omitempty"`      // Open Badges 3.0 Achievement
	ELM      string `json:"elm,omitempty"`      // ELM v3 Qualification
	Versions string `json:"versions,omitempty"` // the published versions
	Image    string `json:"image,omitempty"`    // the badge image, when the version has one
}

// publicURLs are the addresses of version number of POK id; image only when it has one.
func (a *API) publicURLs(id int64, number int, image bool) mcURLs {
	base := strings.TrimRight(a.cfg.BaseURL, "/")
	api := fmt.Sprintf("%s/api/v1/microcredentials/%d", base, id)
	u := mcURLs{ID: exchange.VersionURL(base, id, number), Page: exchange.MicrocredentialURL(base, id),
		API: api, OB3: api + "/ob3", ELM: api + "/elm", Versions: api + "/versions"}
	if image {
		u.Image = imageURL(base, id, number)
	}
	return u
}

// imageURL is the public address of a published version's badge image (served by web).
func imageURL(base string, id int64, number int) string {
	return exchange.VersionURL(base, id, number) + "/image"
}

// toMCJSON describes version v of POK m of the organisation with slug org.
func (a *API) toMCJSON(m *pokot.Microcredential, org string, v *pokot.MicrocredentialVersion) mcJSON {
	j := mcJSON{ID: m.ID, Org: org, Slug: m.Slug, Version: v.Number, Status: string(v.Status),
		MicrocredentialContent: v.Content, URLs: a.publicURLs(m.ID, v.Number, v.Content.Image != nil)}
	if v.PublishedAt != nil {
		t := v.PublishedAt.UTC()
		j.PublishedAt = &t
	}
	return j
}

// mcID reads the {id} path value. A value that is not a POK id names no POK: ENOTFOUND.
func mcID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, mcNotFound()
	}
	return id, nil
}

func mcNotFound() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.mc.not_found", Message: "no such micro-credential"}
}

// problemExt is a problem document with the extension members of the POK endpoints: the
// failing quality checks of a refused transition, the rows of a refused import, the rows
// created before an import failed.
type problemExt struct {
	problem
	Checks  []checkJSON    `json:"checks,omitempty"`
	Rows    []rowErrorJSON `json:"rows,omitempty"`
	Created []mcRef        `json:"created,omitempty"`
}

// writeProblem renders p with status code: for answers whose status or extension members
// the generic renderer does not know (400 for query parameters, 412 for a stale If-Match,
// 422 with the checklist or the import's rows).
func writeProblem(w http.ResponseWriter, code int, e *pokot.Error, p problemExt) {
	p.fill(code, e)
	sendProblem(w, code, p)
}

// fieldErrors groups field errors by field, as problem.errors.
func fieldErrors(es pokot.Errors) map[string][]string {
	m := map[string][]string{}
	for _, e := range es {
		m[e.Field] = append(m[e.Field], e.Message)
	}
	return m
}
