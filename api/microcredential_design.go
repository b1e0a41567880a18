package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

// The design endpoints: an organisation's POKs with their drafts, for its designers and
// org admins, with a token. Every one goes through designAccess (tenant and role) and then
// through the store, which checks the role again.

// designJSON is the newest version of a POK as its designers see it: any status, with the
// optimistic-concurrency stamp and, for one POK, the quality checklist.
type designJSON struct {
	mcJSON
	Revision         int         `json:"revision"`
	ETag             string      `json:"etag"`
	PublishedVersion int         `json:"publishedVersion"` // the version in the catalogue; 0 when none
	Created          time.Time   `json:"created"`
	Updated          time.Time   `json:"updated"`
	Checks           []checkJSON `json:"checks,omitempty"`
}

// checkJSON is one item of the quality checklist, its text in Finnish, Swedish and English.
type checkJSON struct {
	ID       string     `json:"id"`
	Severity string     `json:"severity"`
	OK       bool       `json:"ok"`
	Field    string     `json:"field,omitempty"`
	N        int        `json:"n,omitempty"` // the learning outcome, from 1
	Message  pokot.Text `json:"message"`
}

func toCheckJSON(c pokot.Check) checkJSON {
	return checkJSON{ID: c.ID, Severity: string(c.Severity), OK: c.OK, Field: c.Field, N: c.N,
		Message: pokot.Text{pokot.Finnish: pokot.QualityText(c, pokot.Finnish), pokot.Swedish: pokot.QualityText(c, pokot.Swedish),
			pokot.English: pokot.QualityText(c, pokot.English)}}
}

// etag is the entity tag of one saved state of a version: its number and revision.
func etag(v *pokot.MicrocredentialVersion) string {
	return fmt.Sprintf(`"v%d-r%d"`, v.Number, v.Revision)
}

// designAccess is orgAccess for the design endpoints: EFORBIDDEN unless the caller designs
// POKs in the organisation (designer or org admin).
func (a *API) designAccess(r *http.Request, u *pokot.User) (*access, error) {
	ac, err := a.orgAccess(r, u)
	if err != nil {
		return nil, err
	}
	if !pokot.CanDesign(ac.roles) {
		return nil, &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.mc.forbidden", Message: "only designers and organisation administrators may do this"}
	}
	return ac, nil
}

// toDesignJSON describes the newest version of m (v, when given, instead).
func (a *API) toDesignJSON(ac *access, m *pokot.Microcredential, v *pokot.MicrocredentialVersion) designJSON {
	j := designJSON{mcJSON: a.toMCJSON(m, ac.org.Slug, v), Revision: v.Revision, ETag: etag(v),
		PublishedVersion: m.PublishedVersion, Created: v.Created.UTC(), Updated: v.Updated.UTC()}
	if v.PublishedAt == nil { // not public: only the designers' address
		j.URLs = mcURLs{}
	}
	j.URLs.API = strings.TrimRight(a.cfg.BaseURL, "/") + designPath(ac.org, m.ID)
	return j
}

func designPath(o *pokot.Organisation, id int64) string {
	return fmt.Sprintf("/api/v1/orgs/%s/microcredentials/%d", url.PathEscape(o.Slug), id)
}

// loadDesign reads the POK of {id} in the caller's organisation.
func (a *API) loadDesign(r *http.Request, u *pokot.User) (*access, *pokot.Microcredential, error) {
	ac, err := a.designAccess(r, u)
	if err != nil {
		return nil, nil, err
	}
	id, err := mcID(r)
	if err != nil {
		return nil, nil, err
	}
	m, err := a.store.Microcredential(r.Context(), ac.org.ID, id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, nil, mcNotFound()
	}
	if err == nil && m.Current == nil {
		err = fmt.Errorf("api: POK %d has no current version", id)
	}
	return ac, m, err
}

// orgMicrocredentials is GET /api/v1/orgs/{slug}/microcredentials: every POK of the
// organisation with its newest version, drafts included; ?status= filters.
func (a *API) orgMicrocredentials(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, err := a.designAccess(r, u)
	if err != nil {
		return err
	}
	st := pokot.Status(r.URL.Query().Get("status"))
	if st != "" && !contains(pokot.Statuses, st) {
		writeProblem(w, http.StatusBadRequest, &pokot.Error{Code: pokot.EINVALID, Key: "err.mc.status_invalid", Message: "a query parameter cannot be used; see errors"},
			problemExt{problem: problem{Errors: map[string][]string{"status": {"status is one of draft, review, approved, published, archived"}}}})
		return nil
	}
	ms, err := a.store.Microcredentials(r.Context(), ac.org.ID, st)
	if err != nil {
		return err
	}
	out := []designJSON{}
	for _, m := range ms {
		if m.OrgID != ac.org.ID || m.Current == nil { // defence in depth: never another tenant's POKs
			continue
		}
		out = append(out, a.toDesignJSON(ac, m, m.Current))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(out)})
	return nil
}

// orgMicrocredential is GET /api/v1/orgs/{slug}/microcredentials/{id}: the newest version
// with its ETag and the quality checklist.
func (a *API) orgMicrocredential(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, m, err := a.loadDesign(r, u)
	if err != nil {
		return err
	}
	return a.writeDesign(w, r, http.StatusOK, ac, m, m.Current)
}

// writeDesign answers with version v of m, its ETag and its checklist.
func (a *API) writeDesign(w http.ResponseWriter, r *http.Request, code int, ac *access, m *pokot.Microcredential, v *pokot.MicrocredentialVersion) error {
	cs, err := a.store.QualityChecks(r.Context(), ac.org.ID, m.ID, v.Number)
	if err != nil {
		return err
	}
	j := a.toDesignJSON(ac, m, v)
	j.Checks = []checkJSON{}
	for _, c := range cs {
		j.Checks = append(j.Checks, toCheckJSON(c))
	}
	w.Header().Set("ETag", j.ETag)
	if code == http.StatusCreated {
		w.Header().Set("Location", designPath(ac.org, m.ID))
	}
	writeJSON(w, code, j)
	return nil
}

// contentIn is a POK description in a request: the content type's JSON, the create-only
// slug, and the badge image as a data: URI. The read-only members of designJSON are
// accepted and ignored, so that a client can send back what it read.
type contentIn struct {
	pokot.MicrocredentialContent
	Slug      string     `json:"slug"`
	ImageData string     `json:"imageData"`
	Version   *int       `json:"version"`
	Revision  *int       `json:"revision"`
	Updated   *time.Time `json:"updated"`
	readOnly
}

// readOnly lists the members of a response that a request may carry but cannot change.
type readOnly struct {
	ID               json.RawMessage `json:"id"`
	Org              json.RawMessage `json:"org"`
	Status           json.RawMessage `json:"status"`
	PublishedAt      json.RawMessage `json:"publishedAt"`
	URLs             json.RawMessage `json:"urls"`
	ETag             json.RawMessage `json:"etag"`
	PublishedVersion json.RawMessage `json:"publishedVersion"`
	Created          json.RawMessage `json:"created"`
	Checks           json.RawMessage `json:"checks"`
}

// content returns the description of in with its image decoded; had says whether the
// version being saved has image data already (kept when only the alt text comes).
func (in *contentIn) content(had bool) (*pokot.MicrocredentialContent, error) {
	c := in.MicrocredentialContent
	if in.ImageData == "" {
		if c.Image != nil && !had {
			return nil, pokot.FieldError("imageData", "err.mc.image_missing", "send the badge image as a data: URI in imageData")
		}
		if c.Image != nil {
			c.Image = &pokot.BadgeImage{MediaType: c.Image.MediaType, Alt: c.Image.Alt}
		}
		return &c, nil
	}
	data, err := dataURI(in.ImageData)
	if err != nil {
		return nil, err
	}
	var alt pokot.Text
	if c.Image != nil {
		alt = c.Image.Alt
	}
	if c.Image, err = pokot.NewBadgeImage(data, alt); err != nil {
		return nil, err
	}
	return &c, nil
}

// createMicrocredential is POST /api/v1/orgs/{slug}/microcredentials: a new POK with draft
// version 1.
func (a *API) createMicrocredential(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, err := a.designAccess(r, u)
	if err != nil {
		return err
	}
	var in contentIn
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := in.content(false)
	if err != nil {
		return err
	}
	m, v, err := a.store.CreateMicrocredential(r.Context(), ac.org.ID, u.ID, in.Slug, c)
	if err != nil {
		return err
	}
	m.Current = v
	return a.writeDesign(w, r, http.StatusCreated, ac, m, v)
}

// updateDraft is PUT /api/v1/orgs/{slug}/microcredentials/{id}/draft: saves the newest
// version while it is a draft, when nobody saved it in between. The client says what it
// read with If-Match (the ETag; 412 when stale) or the revision or updated member (409 when
// stale); without any, 428.
func (a *API) updateDraft(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, m, err := a.loadDesign(r, u)
	if err != nil {
		return err
	}
	var in contentIn
	if err := decode(r, &in); err != nil {
		return err
	}
	cur := m.Current
	if cur.Status != pokot.StatusDraft {
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.mc.not_draft",
			Message: fmt.Sprintf("version %d is %s and cannot change; start a new version with POST %s/versions", cur.Number, cur.Status, designPath(ac.org, m.ID))}
	}
	stale := &pokot.Error{Code: pokot.ECONFLICT, Key: "err.mc.stale", Message: "someone saved this draft after you read it; read it again and reapply your changes"}
	if (in.Version != nil && *in.Version != cur.Number) || (in.Updated != nil && !in.Updated.Equal(cur.Updated)) {
		return stale
	}
	ifMatch := strings.TrimSpace(r.Header.Get("If-Match"))
	var revision int
	switch {
	case ifMatch != "":
		if !etagMatches(ifMatch, etag(cur)) {
			writeProblem(w, http.StatusPreconditionFailed, stale, problemExt{})
			return nil
		}
		revision = cur.Revision
		if in.Revision != nil && *in.Revision != revision {
			return stale
		}
	case in.Revision != nil:
		revision = *in.Revision
	case in.Updated != nil: // checked above: the draft is as the client read it
		revision = cur.Revision
	default:
		writeProblem(w, http.StatusPreconditionRequired, &pokot.Error{Code: pokot.EINVALID, Key: "err.mc.precondition",
			Message: "say which state you edited: send If-Match with the ETag, or the revision or updated member"}, problemExt{})
		return nil
	}
	c, err := in.content(cur.Content.Image != nil)
	if err != nil {
		return err
	}
	v, err := a.store.UpdateDraft(r.Context(), ac.org.ID, m.ID, cur.Number, u.ID, c, revision)
	var pe *pokot.Error
	if ifMatch != "" && errors.As(err, &pe) && pe.Key == "err.mc.stale" { // saved in between
		writeProblem(w, http.StatusPreconditionFailed, stale, problemExt{})
		return nil
	}
	if err != nil {
		return err
	}
	return a.writeDesign(w, r, http.StatusOK, ac, m, v)
}

// etagMatches reports whether an If-Match header names tag (or is "*"). Weak tags never
// match: If-Match uses the strong comparison.
func etagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		if t = strings.TrimSpace(t); t == "*" || t == tag {
			return true
		}
	}
	return false
}

// newVersion is POST /api/v1/orgs/{slug}/microcredentials/{id}/versions: a new draft made
// from the newest version, to change a published POK.
func (a *API) newVersion(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, m, err := a.loadDesign(r, u)
	if err != nil {
		return err
	}
	v, err := a.store.NewVersion(r.Context(), ac.org.ID, m.ID, u.ID)
	if err != nil {
		return err
	}
	m.CurrentVersion, m.Current = v.Number, v
	return a.writeDesign(w, r, http.StatusCreated, ac, m, v)
}
