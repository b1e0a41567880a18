package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// wfAction is one workflow button on the overview, or the reason it is not offered.
type wfAction struct {
	To      pokot.Status // "" for "make a new version"
	Label   string       // catalog key
	Hint    string       // catalog key
	Primary bool
	Blocked string // catalog key saying why it cannot be done now
}

// overviewData is what the overview adds to the editor page.
type overviewData struct {
	Actions  []wfAction
	Partners []*pokot.PartnerGrant
	// OtherPartners counts the partners left out of Partners: a partner sees their own
	// invitation only, not the other invitees' e-mail addresses.
	OtherPartners int
	SignOffs      []*pokot.SignOff
	Invite        *form
	SignedOff     bool // the signed-in partner has signed off the newest version
}

// workflowActions lists what the user may do with version v now.
func workflowActions(p *studioPOK, v *pokot.MicrocredentialVersion, me int64, publishable bool) []wfAction {
	a := p.Access
	if !a.Edit {
		return nil
	}
	admin := slices.Contains(a.Roles, pokot.RoleOrgAdmin)
	var out []wfAction
	switch v.Status {
	case pokot.StatusDraft:
		out = append(out, wfAction{To: pokot.StatusReview, Label: "studio.wf.submit", Hint: "studio.wf.submit_hint", Primary: true})
	case pokot.StatusReview:
		ap := wfAction{To: pokot.StatusApproved, Label: "studio.wf.approve", Hint: "studio.wf.approve_hint", Primary: true}
		if !admin && v.CreatedBy == me {
			ap.Blocked = "err.mc.self_approval"
		} else if !publishable {
			ap.Blocked = "studio.wf.gate_blocks"
		}
		out = append(out, ap, wfAction{To: pokot.StatusDraft, Label: "studio.wf.request_changes", Hint: "studio.wf.request_changes_hint"})
	case pokot.StatusApproved:
		pub := wfAction{To: pokot.StatusPublished, Label: "studio.wf.publish", Hint: "studio.wf.publish_hint", Primary: true}
		if !publishable {
			pub.Blocked = "studio.wf.gate_blocks"
		}
		out = append(out, pub)
	case pokot.StatusPublished:
		out = append(out, wfAction{Label: "studio.wf.new_version", Hint: "studio.wf.new_version_hint", Primary: true},
			wfAction{To: pokot.StatusArchived, Label: "studio.wf.archive", Hint: "studio.wf.archive_hint"})
	case pokot.StatusArchived:
		out = append(out, wfAction{Label: "studio.wf.new_version", Hint: "studio.wf.new_version_hint", Primary: true})
	}
	return out
}

// studioOverview is the POK's front page in the studio: status, workflow, checklist,
// partners and sign-offs, and the comments on the whole description.
func (s *server) studioOverview(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	return s.renderOverview(w, r, http.StatusOK, p, newForm("invite", nil), nil)
}

func (s *server) renderOverview(w http.ResponseWriter, r *http.Request, status int, p *studioPOK, invite, summary *form) error {
	ctx := r.Context()
	v := p.MC.Current
	d, err := s.newEditData(r, p, v, 0, newForm("ed", nil))
	if err != nil {
		return err
	}
	ov := &overviewData{Invite: invite}
	if err := loadCoDesign(ctx, r, p, ov); err != nil {
		return err
	}
	me := st(r).user.ID
	for _, so := range ov.SignOffs {
		if so.UserID == me && so.Version == v.Number {
			ov.SignedOff = true
		}
	}
	ov.Actions = workflowActions(p, v, me, d.Publishable)
	d.Overview = ov
	return s.renderEdit(w, r, status, d, summary)
}

// studioTransition moves the newest version along the workflow. The store checks the
// rules again (roles, self-approval, the quality gate); a refusal comes back on the
// overview with the reason and changes nothing.
func (s *server) studioTransition(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Edit {
		return forbidden()
	}
	f := newForm("wf", r)
	number, _ := strconv.Atoi(f.Get("version"))
	to := pokot.Status(f.Get("to"))
	if !slices.Contains(pokot.Statuses, to) {
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.mc.bad_transition", Message: "unknown status"}
	}
	_, err = p.mcs.Transition(r.Context(), p.Org.ID, p.MC.ID, number, st(r).user.ID, to, f.Get("note"))
	if err != nil {
		code := pokot.ErrorCode(err)
		if code == pokot.EINTERNAL || code == pokot.ENOTFOUND {
			return err
		}
		var e *pokot.Error
		if code == pokot.EINVALID {
			// The quality gate refused: the checklist beside the summary lists what to fix.
			f.Add("", "studio.err.gate")
		} else if errors.As(err, &e) {
			f.Add("", keyOr(e.Key, "error."+code+".text"))
		}
		if p, err = s.loadStudioPOK(r); err != nil {
			return err
		}
		return s.renderOverview(w, r, statusOf(code), p, newForm("invite", nil), f)
	}
	s.redirectFlash(w, r, p.Base(), "studio.flash.status_"+string(to))
	return nil
}

// studioNewVersion makes a new draft from the newest version, to edit a published POK.
func (s *server) studioNewVersion(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	if !p.Access.Edit {
		return forbidden()
	}
	v, err := p.mcs.NewVersion(r.Context(), p.Org.ID, p.MC.ID, st(r).user.ID)
	if pokot.ErrorCode(err) == pokot.ECONFLICT {
		f := newForm("wf", r)
		f.Add("", "err.mc.draft_exists")
		return s.renderOverview(w, r, http.StatusConflict, p, newForm("invite", nil), f)
	} else if err != nil {
		return err
	}
	_ = v
	s.redirectFlash(w, r, p.Base()+"/step/1", "studio.flash.new_version")
	return nil
}

// versionsData lists the versions with a form to compare two of them.
type versionsData struct {
	P        *studioPOK
	Versions []*pokot.MicrocredentialVersion
	A, B     int
	Changes  []changeView
	Compared bool
	History  []historyView
}

type changeView struct {
	Label    string
	Old, New string
}

type historyView struct {
	*pokot.HistoryEntry
	UserName string
	Action   string // catalog key
}

// studioVersions lists the versions of a POK and, with ?a=&b=, the differences between
// two of them field by field.
func (s *server) studioVersions(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d := versionsData{P: p}
	if d.Versions, err = p.mcs.MicrocredentialVersions(ctx, p.Org.ID, p.MC.ID); err != nil {
		return err
	}
	d.B = p.MC.CurrentVersion
	d.A = d.B - 1
	if a, err := strconv.Atoi(r.URL.Query().Get("a")); err == nil {
		d.A = a
	}
	if b, err := strconv.Atoi(r.URL.Query().Get("b")); err == nil {
		d.B = b
	}
	if d.A >= 1 && d.B >= 1 && d.A != d.B {
		va, err := p.mcs.MicrocredentialVersion(ctx, p.Org.ID, p.MC.ID, d.A)
		if err != nil {
			return notFoundErr()
		}
		vb, err := p.mcs.MicrocredentialVersion(ctx, p.Org.ID, p.MC.ID, d.B)
		if err != nil {
			return notFoundErr()
		}
		d.Compared = true
		l := st(r).lang
		for _, ch := range pokot.Diff(&va.Content, &vb.Content) {
			d.Changes = append(d.Changes, changeView{Label: pathLabel(l, ch.Path),
				Old: diffValue(l, ch.Path, ch.Old), New: diffValue(l, ch.Path, ch.New)})
		}
	}
	return s.render(w, r, http.StatusOK, "studioversions", d, nil)
}

// studioHistory lists who did what and when.
func (s *server) studioHistory(w http.ResponseWriter, r *http.Request) error {
	p, err := s.loadStudioPOK(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	hs, err := p.mcs.MicrocredentialHistory(ctx, p.Org.ID, p.MC.ID)
	if err != nil {
		return err
	}
	d := versionsData{P: p}
	names := map[int64]string{}
	for i := len(hs) - 1; i >= 0; i-- {
		h := hs[i]
		name, ok := names[h.UserID]
		if !ok && h.UserID != 0 {
			if u, err := s.store.UserByID(ctx, h.UserID); err == nil {
				name = u.Name
			}
			names[h.UserID] = name
		}
		if h.Action == pokot.ActionComment {
			// The note of a comment is the place it was attached to.
			e := *h
			e.Note = pathLabel(st(r).lang, h.Note)
			h = &e
		}
		d.History = append(d.History, historyView{HistoryEntry: h, UserName: name, Action: "studio.action." + h.Action})
	}
	return s.render(w, r, http.StatusOK, "studiohistory", d, nil)
}

// diffOptions names the option group of the fields whose values are codes.
var diffOptions = map[string]string{"assessment": "assess", "participation": "part", "supervision": "sup",
	"grading": "grade", "workload.unit": "unit", "delivery.schedule": "sched", "stackability.kind": "stack", "languages": "lang"}

// diffValue shows a changed value as the editor does: decimals with a comma in Finnish and
// Swedish, codes as their names.
func diffValue(l pokot.Lang, path, v string) string {
	if v == "" {
		return ""
	}
	switch path {
	case "workload.value", "price.eur":
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return formatDecimal(x, l)
		}
	case "price.jotpa", "isPOK":
		return i18n.T(l, "studio.yes")
	case "eqfLevel":
		return i18n.T(l, "studio.opt.eqf."+v)
	}
	g, ok := diffOptions[path]
	if !ok {
		return v
	}
	var out []string
	for _, x := range strings.Split(v, ", ") {
		out = append(out, i18n.T(l, "studio.opt."+g+"."+x))
	}
	return strings.Join(out, ", ")
}
