package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// stepLink is one entry of the editor's step list.
type stepLink struct {
	N       int
	Title   string // catalog key
	Href    string
	Current bool
	Errors  int // failed error checks on this step
}

// checkView is one checklist item as shown.
type checkView struct {
	OK, Error bool
	Text      string
	Href      string
}

// editData is the data of the editor page: the overview (Step 0) or one step.
type editData struct {
	P         *studioPOK
	V         *pokot.MicrocredentialVersion
	Step      int
	StepTitle string
	Steps     []stepLink
	View      stepView
	Form      *form
	Editable  bool
	Conflict  bool // a save was refused because someone saved in between
	NotDraft  bool // a save reached a version that is no longer a draft
	HasImage  bool
	ImageURL  string

	Checks      []checkView // failed checks, errors first
	Passed      []checkView
	ErrorCount  int
	WarnCount   int
	Publishable bool

	Comments commentsView
	Overview *overviewData

	gateAt map[string]string // element id → the gate's message shown at that field
}

// Prev and Next are the neighbouring steps (0 when none).
func (d *editData) Prev() int {
	if d.Step > 1 {
		return d.Step - 1
	}
	return 0
}

func (d *editData) Next() int {
	if d.Step < stepCount {
		return d.Step + 1
	}
	return 0
}

var stepTitles = [...]string{"studio.step.overview", "studio.step.basics", "studio.step.outcomes", "studio.step.scope",
	"studio.step.assessment", "studio.step.delivery", "studio.step.quality", "studio.step.image"}

// checklist runs the quality gate on the version and sorts it for the side panel.
func (s *server) checklist(r *http.Request, p *studioPOK, v *pokot.MicrocredentialVersion, d *editData) error {
	cs, err := p.mcs.QualityChecks(r.Context(), p.Org.ID, p.MC.ID, v.Number)
	if err != nil {
		return err
	}
	l := st(r).lang
	var errs, warns []checkView
	d.Passed = nil
	perStep := map[int]int{}
	seen := map[string]bool{}
	for _, c := range cs {
		if !c.OK {
			// The same advice for two languages of one outcome is shown once.
			if seen[c.Key+"/"+strconv.Itoa(c.N)] {
				continue
			}
			seen[c.Key+"/"+strconv.Itoa(c.N)] = true
		}
		cv := checkView{OK: c.OK, Error: c.Severity == pokot.SeverityError, Text: pokot.QualityText(c, l), Href: checkHref(p, c)}
		gateFieldError(d, c, l)
		switch {
		case c.OK:
			d.Passed = append(d.Passed, cv)
		case cv.Error:
			errs = append(errs, cv)
			perStep[stepOf(c.Field)]++
		default:
			warns = append(warns, cv)
		}
	}
	d.Checks = append(errs, warns...)
	d.ErrorCount, d.WarnCount = len(errs), len(warns)
	d.Publishable = len(errs) == 0
	for i := range d.Steps {
		d.Steps[i].Errors = perStep[d.Steps[i].N]
	}
	return nil
}

// checkHref links a checklist item to the field to fix.
func checkHref(p *studioPOK, c pokot.Check) string {
	if c.Field == "" {
		return "/orgs/" + p.Org.Slug + "/settings"
	}
	step := stepOf(c.Field)
	if step == 0 {
		return p.Base()
	}
	field := errField(c.Field)
	if c.Field == "title" { // translations of the title
		field = "title-sv"
	}
	if c.Field == "outcomes" {
		field = "outcomes"
	}
	return p.Base() + "/step/" + strconv.Itoa(step) + "#ed-" + field
}

// newEditData prepares the page of step (0 = overview) for version v.
func (s *server) newEditData(r *http.Request, p *studioPOK, v *pokot.MicrocredentialVersion, step int, f *form) (*editData, error) {
	l := st(r).lang
	d := &editData{P: p, V: v, Step: step, StepTitle: stepTitles[step], Form: f,
		Editable: p.Access.Edit && v.Editable(), HasImage: v.Content.Image != nil}
	if d.HasImage {
		d.ImageURL = p.Base() + "/image?v=" + strconv.Itoa(v.Number) + "&r=" + strconv.Itoa(v.Revision)
	}
	for n := 1; n <= stepCount; n++ {
		d.Steps = append(d.Steps, stepLink{N: n, Title: stepTitles[n], Href: p.Base() + "/step/" + strconv.Itoa(n), Current: n == step})
	}
	if step > 0 {
		var stack []sopt
		if step == stepQuality {
			items, err := p.mcs.Microcredentials(r.Context(), p.Org.ID, "")
			if err != nil {
				return nil, err
			}
			stack = stackOptions(items, p.MC.ID, l)
		}
		d.View = buildStep(step, &fieldBuilder{f: f, l: l, disabled: !d.Editable}, stack)
		if step == stepImage && !d.HasImage {
			d.View.Fields = slices.DeleteFunc(d.View.Fields, func(sf sfield) bool { return sf.Name == "image-remove" })
		}
	}
	if err := s.checklist(r, p, v, d); err != nil {
		return nil, err
	}
	d.showGateAtFields()
	cv, err := s.commentsFor(r, p, step, f)
	if err != nil {
		return nil, err
	}
	d.Comments = cv
	return d, nil
}

// renderEdit renders the editor; summary is the form whose errors head the page.
func (s *server) renderEdit(w http.ResponseWriter, r *http.Request, status int, d *editData, summary *form) error {
	if summary != nil && summary.OK() {
		summary = nil
	}
	return s.render(w, r, status, "studioedit", d, summary)
}

// studioStep shows one step of the editor with the newest version's content.
func (s *server) studioStep(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	step, err := strconv.Atoi(r.PathValue("step"))
	if err != nil || step < 1 || step > stepCount {
		return notFoundErr()
	}
	v := p.MC.Current
	f := newForm("ed", nil)
	f.Values = contentValues(&v.Content, st(r).lang)
	d, err := s.newEditData(r, p, v, step, f)
	if err != nil {
		return err
	}
	return s.renderEdit(w, r, http.StatusOK, d, nil)
}

// wantsJSON reports whether the request is the editor script's autosave.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// saveReply is the autosave's answer.
type saveReply struct {
	OK        bool              `json:"ok"`
	Revision  int               `json:"revision,omitempty"`
	Message   string            `json:"message,omitempty"`
	Errors    map[string]string `json:"errors,omitempty"` // element id → message
	Checklist string            `json:"checklist,omitempty"`
	// OutcomeIDs gives the outcome rows (by their index in field names) the IDs the store
	// assigned, so that the next autosave sends them back.
	OutcomeIDs map[string]string `json:"outcomeIds,omitempty"`
}

// studioSave saves one step of a draft: the form POST without JavaScript, and the
// autosave (Accept: application/json) with it. A stale revision changes nothing and
// comes back with the typed values and a message.
func (s *server) studioSave(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Edit {
		return forbidden()
	}
	step, err := strconv.Atoi(r.PathValue("step"))
	if err != nil || step < 1 || step > stepCount {
		return notFoundErr()
	}
	ctx := r.Context()
	f := newForm("ed", r)
	number, _ := strconv.Atoi(f.Get("version"))
	revision, _ := strconv.Atoi(f.Get("revision"))
	v := p.MC.Current
	if number != v.Number {
		if v, err = p.mcs.MicrocredentialVersion(ctx, p.Org.ID, p.MC.ID, number); err != nil {
			return notFoundErr()
		}
	}
	op := f.Get("op")
	if rm, ok := strings.CutPrefix(op, "remove_outcome:"); ok && step == stepOutcomes {
		f.Values["outcome"] = slices.DeleteFunc(f.Values["outcome"], func(s string) bool { return s == rm })
	}
	c := v.Content
	if c.Image != nil {
		img := *c.Image
		c.Image = &img
	}
	applyStep(step, f, &c)
	if step == stepImage {
		s.readUpload(r, f, &c)
	}
	if op == "add_outcome" && step == stepOutcomes {
		c.Outcomes = append(c.Outcomes, pokot.LearningOutcome{})
	}
	var saved *pokot.MicrocredentialVersion
	if f.OK() {
		saved, err = p.mcs.UpdateDraft(ctx, p.Org.ID, p.MC.ID, v.Number, st(r).user.ID, &c, revision)
		if err != nil {
			saved = nil
			if !s.saveProblem(f, err) {
				return err
			}
		}
	}
	status := http.StatusOK
	if !f.OK() {
		status = http.StatusUnprocessableEntity
		if f.Err("") != "" {
			status = http.StatusConflict
		}
	}
	if wantsJSON(r) {
		return s.saveJSON(w, r, p, step, f, saved, status)
	}
	if status != http.StatusOK {
		if cur, err := p.mcs.MicrocredentialVersion(ctx, p.Org.ID, p.MC.ID, v.Number); err == nil {
			v = cur
		}
		if f.Err("") == "err.mc.stale" {
			// Saving again overwrites the other save with what is on the screen.
			f.Set("revision", strconv.Itoa(v.Revision))
		}
		d, err := s.newEditData(r, p, v, step, f)
		if err != nil {
			return err
		}
		d.Conflict = f.Err("") == "err.mc.stale"
		d.NotDraft = f.Err("") == "err.mc.not_draft"
		return s.renderEdit(w, r, status, d, f)
	}
	target := p.Base() + "/step/" + strconv.Itoa(step)
	switch {
	case op == "add_outcome":
		target += "#outcome-" + strconv.Itoa(len(saved.Content.Outcomes))
	case strings.HasPrefix(op, "remove_outcome:"):
		target += "#outcomes"
	case op == "next" && step < stepCount:
		target = p.Base() + "/step/" + strconv.Itoa(step+1)
	case op == "prev" && step > 1:
		target = p.Base() + "/step/" + strconv.Itoa(step-1)
	case op == "preview":
		target = p.Base() + "/preview"
	}
	s.redirectFlash(w, r, target, "studio.flash.saved")
	return nil
}

// saveProblem records a refused save on the form and reports whether err was one.
func (s *server) saveProblem(f *form, err error) bool {
	var e *pokot.Error
	switch pokot.ErrorCode(err) {
	case pokot.EINVALID, pokot.ETOOLARGE:
		var es pokot.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				f.Add(errField(e.Field), keyOr(e.Key, "error.invalid.text"))
			}
			return true
		}
		if errors.As(err, &e) {
			f.Add(errField(e.Field), keyOr(e.Key, "error.invalid.text"))
			return true
		}
	case pokot.ECONFLICT:
		if errors.As(err, &e) && (e.Key == "err.mc.stale" || e.Key == "err.mc.not_draft") {
			f.Add("", e.Key)
			return true
		}
	}
	return false
}

func (s *server) saveJSON(w http.ResponseWriter, r *http.Request, p *studioPOK, step int, f *form, saved *pokot.MicrocredentialVersion, status int) error {
	l := st(r).lang
	rep := saveReply{OK: status == http.StatusOK}
	if saved != nil {
		rep.Revision = saved.Revision
		rep.Message = i18n.T(l, "studio.autosaved", "time", i18n.Clock(l, saved.Updated))
		d := &editData{P: p, V: saved}
		for n := 1; n <= stepCount; n++ {
			d.Steps = append(d.Steps, stepLink{N: n})
		}
		if err := s.checklist(r, p, saved, d); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := s.tmpl.sets[l]["studioedit"].ExecuteTemplate(&buf, "checklist", d); err != nil {
			return err
		}
		rep.Checklist = buf.String()
		if step == stepOutcomes {
			rep.OutcomeIDs = map[string]string{}
			for k, i := range outcomeIndexes(f) {
				if k < len(saved.Content.Outcomes) {
					rep.OutcomeIDs[i] = saved.Content.Outcomes[k].ID
				}
			}
		}
	} else {
		rep.Errors = map[string]string{}
		for _, e := range f.Errors {
			if e.Field == "" {
				rep.Message = i18n.T(l, e.Key)
				continue
			}
			rep.Errors[e.ID] = i18n.T(l, e.Key)
		}
		if rep.Message == "" {
			rep.Message = i18n.T(l, "studio.autosave_invalid")
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(rep)
}

// readUpload takes a badge image from the multipart form, checked and sanitised by the
// domain (an SVG with script is refused outright rather than silently cleaned, so that
// the designer knows what happened to their picture).
func (s *server) readUpload(r *http.Request, f *form, c *pokot.MicrocredentialContent) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["image"]) == 0 {
		return
	}
	fh := r.MultipartForm.File["image"][0]
	if fh.Size == 0 {
		return
	}
	if fh.Size > pokot.MaxBadgeImage {
		f.Add("image", "err.mc.image_too_large")
		return
	}
	file, err := fh.Open()
	if err != nil {
		f.Add("image", "err.mc.image_invalid")
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, pokot.MaxBadgeImage+1))
	if err != nil {
		f.Add("image", "err.mc.image_invalid")
		return
	}
	if svgHasScript(data) {
		f.Add("image", "studio.err.svg_script")
		return
	}
	alt := getText(f, "image.alt", false)
	img, err := pokot.NewBadgeImage(data, alt)
	if err != nil {
		var e *pokot.Error
		if errors.As(err, &e) && e.Key != "" {
			f.Add("image", e.Key)
		} else {
			f.Add("image", "err.mc.image_invalid")
		}
		return
	}
	c.Image = img
}

// svgHasScript reports whether an uploaded SVG carries anything that would run: a script
// element, an event handler attribute or a javascript: address.
func svgHasScript(data []byte) bool {
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		return false
	}
	clean, err := pokot.SanitizeSVG(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if err != nil {
		return false // the domain reports what is wrong with it
	}
	low := bytes.ToLower(data)
	if bytes.Contains(low, []byte("<script")) || bytes.Contains(low, []byte("javascript:")) {
		return true
	}
	// Sanitising removed an attribute: an event handler (onload=…) was there.
	return bytes.Count(low, []byte(" on")) > bytes.Count(bytes.ToLower(clean), []byte(" on"))
}

// preparseMultipart reads a multipart body (the badge image upload) before s.app checks
// the CSRF token in it, within the body limit.
func (s *server) preparseMultipart(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			if err := r.ParseMultipartForm(s.limits.body); err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					s.fail(w, r, tooLarge(err))
					return
				}
				s.fail(w, r, &pokot.Error{Code: pokot.EINVALID, Key: "error.bad_form.text", Message: "malformed form", Err: err})
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
