package api

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strings"

	"github.com/pokot/pokot"
)

// transitionIn is the body of a transition: the status to move to, an optional note for
// the history, and the version (the newest when left out).
type transitionIn struct {
	To      string `json:"to"`
	Note    string `json:"note"`
	Version int    `json:"version"`
}

// transition is POST /api/v1/orgs/{slug}/microcredentials/{id}/transitions: moves a
// version through the workflow by the domain's rules. 409 for a move the workflow does not
// have, 403 for approving one's own version, 422 with the failing checks when the quality
// gate blocks approval or publication.
func (a *API) transition(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, m, err := a.loadDesign(r, u)
	if err != nil {
		return err
	}
	var in transitionIn
	if err := decode(r, &in); err != nil {
		return err
	}
	to := pokot.Status(in.To)
	if !contains(pokot.Statuses, to) {
		return pokot.FieldError("to", "err.mc.status_invalid", "to is one of review, approved, published, archived, draft")
	}
	if len(in.Note) > 2000 {
		return pokot.FieldError("note", "err.mc.note_too_long", "the note may have at most 2000 characters")
	}
	number := in.Version
	if number == 0 {
		number = m.CurrentVersion
	}
	v, err := a.store.Transition(r.Context(), ac.org.ID, m.ID, number, u.ID, to, strings.TrimSpace(in.Note))
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.mc.version_not_found", Message: "the micro-credential has no such version"}
	}
	var es pokot.Errors
	if errors.As(err, &es) && pokot.ErrorCode(err) == pokot.EINVALID {
		return a.gateRefused(w, r, ac, m, number, to, es)
	}
	if err != nil {
		return err
	}
	if m, err = a.store.Microcredential(r.Context(), ac.org.ID, m.ID); err != nil {
		return err
	}
	return a.writeDesign(w, r, http.StatusOK, ac, m, v)
}

// gateRefused answers a transition that the quality gate blocked: 422 with the gate's
// errors by field and the failing checks, each in Finnish, Swedish and English.
func (a *API) gateRefused(w http.ResponseWriter, r *http.Request, ac *access, m *pokot.Microcredential, number int, to pokot.Status, es pokot.Errors) error {
	cs, err := a.store.QualityChecks(r.Context(), ac.org.ID, m.ID, number)
	if err != nil {
		return err
	}
	p := problemExt{problem: problem{Errors: fieldErrors(es)}, Checks: []checkJSON{}}
	for _, c := range cs {
		if !c.OK && c.Severity == pokot.SeverityError {
			p.Checks = append(p.Checks, toCheckJSON(c))
		}
	}
	writeProblem(w, http.StatusUnprocessableEntity, &pokot.Error{Code: pokot.EINVALID, Key: "err.mc.quality_gate",
		Message: "the quality checklist has errors, so the version cannot move to " + string(to) + "; see checks"}, p)
	return nil
}

// dataURI decodes a data: URI with base64 content (the badge image of a request). The
// media type is not trusted: pokot.NewBadgeImage looks at the bytes.
func dataURI(s string) ([]byte, error) {
	bad := pokot.FieldError("imageData", "err.mc.image_data", "imageData must be a data: URI such as data:image/png;base64,iVBOR…")
	rest, ok := strings.CutPrefix(s, "data:")
	if !ok {
		return nil, bad
	}
	meta, payload, ok := strings.Cut(rest, ",")
	if !ok || !strings.HasSuffix(meta, ";base64") {
		return nil, bad
	}
	if base64.StdEncoding.DecodedLen(len(payload)) > pokot.MaxBadgeImage+3 {
		return nil, &pokot.Error{Code: pokot.ETOOLARGE, Field: "imageData", Key: "err.mc.image_too_large", Message: "the image is larger than 512 KiB"}
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return nil, bad
	}
	return data, nil
}
