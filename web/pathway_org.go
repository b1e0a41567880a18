package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// pathwayEditRoles may define an organisation's pathways; assessors may see progress.
var pathwayEditRoles = []pokot.Role{pokot.RoleOrgAdmin, pokot.RoleDesigner}

// orgPathwaysData is the organisation's list of pathways.
type orgPathwaysData struct {
	Org      *pokot.Organisation
	Pathways []*pokot.Pathway
	CanEdit  bool
}

// orgPathways is GET /orgs/{slug}/pathways.
func (s *server) orgPathways(w http.ResponseWriter, r *http.Request) error {
	o, roles, err := s.orgAccess(r, offeringRoles...)
	if err != nil {
		return err
	}
	ps, err := s.pathwayStore()
	if err != nil {
		return err
	}
	list, err := ps.Pathways(r.Context(), o.ID)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "pathways", &orgPathwaysData{Org: o, Pathways: list,
		CanEdit: st(r).user.Admin || pokot.CanDesign(roles)}, nil)
}

// orgPathway loads {id} of the organisation {slug} after checking access with roles;
// another organisation's pathway is not found here.
func (s *server) orgPathway(r *http.Request, roles ...pokot.Role) (*pokot.Organisation, *pokot.Pathway, pathwayStore, error) {
	o, _, err := s.orgAccess(r, roles...)
	if err != nil {
		return nil, nil, nil, err
	}
	id, err := pathwayID(r)
	if err != nil {
		return nil, nil, nil, err
	}
	ps, err := s.pathwayStore()
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := ps.Pathway(r.Context(), id)
	if err != nil {
		return nil, nil, nil, err
	}
	if p.OrgID != o.ID {
		return nil, nil, nil, notFoundErr()
	}
	return o, p, ps, nil
}

// pathwayLearnersData is the organisation's view of learners' progress on a pathway.
type pathwayLearnersData struct {
	Org      *pokot.Organisation
	Pathway  *pokot.Pathway
	Members  []pathwayMember
	Learners []*pokot.PathwayProgress
	Titles   map[int64]pokot.Text
}

// pathwayLearners is GET /orgs/{slug}/pathways/{id}: every learner holding at least one
// member credential, with their progress.
func (s *server) pathwayLearners(w http.ResponseWriter, r *http.Request) error {
	o, p, ps, err := s.orgPathway(r, offeringRoles...)
	if err != nil {
		return err
	}
	d := &pathwayLearnersData{Org: o, Pathway: p, Titles: map[int64]pokot.Text{}}
	if d.Members, err = pathwayMembers(r, ps, p); err != nil {
		return err
	}
	for _, m := range d.Members {
		d.Titles[m.ID] = m.Title
	}
	if d.Learners, err = ps.PathwayProgress(r.Context(), p, ""); err != nil {
		return err
	}
	for _, l := range d.Learners {
		if erasedEmail(l.Email) {
			l.Email = erasedName(st(r).lang)
		}
	}
	return s.render(w, r, http.StatusOK, "pathwaylearners", d, nil)
}

// pathwayFormData is the form that defines a pathway.
type pathwayFormData struct {
	Org     *pokot.Organisation
	Pathway *pokot.Pathway // nil when new
	Form    *form
	Action  string
	POKs    []pathwayMember // the organisation's published POKs to choose from
}

func fillPathwayForm(f *form, p *pokot.Pathway) {
	for _, l := range pokot.Langs {
		f.Set("name_"+string(l), p.Name[l])
		f.Set("desc_"+string(l), p.Description[l])
		f.Set("target_name_"+string(l), p.Target.Name[l])
	}
	f.Set("target_code", p.Target.Code)
	f.Set("target_url", p.Target.URL)
	f.Values["members"] = nil
	for _, id := range p.Members {
		f.Values.Add("members", strconv.FormatInt(id, 10))
	}
	if p.Required > 0 && p.Required < len(p.Members) {
		f.Set("rule", "any")
		f.Set("required", strconv.Itoa(p.Required))
	} else {
		f.Set("rule", "all")
	}
}

func readPathwayForm(f *form, p *pokot.Pathway) {
	p.Name, p.Description, p.Target.Name = pokot.Text{}, pokot.Text{}, pokot.Text{}
	for _, l := range pokot.Langs {
		if v := f.Get("name_" + string(l)); v != "" {
			p.Name[l] = v
		}
		if v := f.Get("desc_" + string(l)); v != "" {
			p.Description[l] = v
		}
		if v := f.Get("target_name_" + string(l)); v != "" {
			p.Target.Name[l] = v
		}
	}
	p.Target.Code, p.Target.URL = f.Get("target_code"), f.Get("target_url")
	p.Members = nil
	for _, v := range f.Values["members"] {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			id = -1 // refused by validation as an unknown POK
		}
		p.Members = append(p.Members, id)
	}
	p.Required = 0
	if f.Get("rule") == "any" {
		n, err := strconv.Atoi(f.Get("required"))
		if err != nil || n <= 0 {
			f.Add("required", "err.pathway.required_number")
			return
		}
		p.Required = n
	}
}

// pathwayField maps a store field ("members[2]", "name.fi", "target.url") to the form's.
func pathwayField(field string) string {
	if i := strings.IndexByte(field, '['); i > 0 {
		field = field[:i]
	}
	return strings.ReplaceAll(field, ".", "_")
}

// pathwayFormPage shows the form: GET /orgs/{slug}/pathways/new and …/{id}/edit.
func (s *server) pathwayFormPage(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pathwayEditRoles...)
	if err != nil {
		return err
	}
	f := newForm("pathway", r)
	var p *pokot.Pathway
	if r.PathValue("id") != "" {
		if _, p, _, err = s.orgPathway(r, pathwayEditRoles...); err != nil {
			return err
		}
		fillPathwayForm(f, p)
	} else {
		f.Set("rule", "all")
	}
	return s.renderPathwayForm(w, r, http.StatusOK, o, p, f)
}

func (s *server) renderPathwayForm(w http.ResponseWriter, r *http.Request, status int, o *pokot.Organisation, p *pokot.Pathway, f *form) error {
	ps, err := s.pathwayStore()
	if err != nil {
		return err
	}
	mcs, err := ps.Microcredentials(r.Context(), o.ID, pokot.StatusPublished)
	if err != nil {
		return err
	}
	d := &pathwayFormData{Org: o, Pathway: p, Form: f, Action: "/orgs/" + o.Slug + "/pathways/new"}
	if p != nil {
		d.Action = "/orgs/" + o.Slug + "/pathways/" + strconv.FormatInt(p.ID, 10) + "/edit"
	}
	for _, mc := range mcs {
		m := pathwayMember{ID: mc.ID}
		if mc.Published != nil {
			m.Title = mc.Published.Content.Title
		}
		d.POKs = append(d.POKs, m)
	}
	return s.render(w, r, status, "pathwayform", d, f)
}

// savePathway is POST /orgs/{slug}/pathways/new and …/{id}/edit.
func (s *server) savePathway(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pathwayEditRoles...)
	if err != nil {
		return err
	}
	ps, err := s.pathwayStore()
	if err != nil {
		return err
	}
	p := &pokot.Pathway{OrgID: o.ID}
	var old *pokot.Pathway
	if r.PathValue("id") != "" {
		if _, old, _, err = s.orgPathway(r, pathwayEditRoles...); err != nil {
			return err
		}
		p.ID = old.ID
	}
	f := newForm("pathway", r)
	readPathwayForm(f, p)
	if f.OK() {
		if old == nil {
			err = ps.CreatePathway(r.Context(), p, st(r).user.ID)
		} else {
			err = ps.UpdatePathway(r.Context(), p, st(r).user.ID)
		}
		if err != nil && !addPathwayErr(f, err) {
			return err
		}
	}
	if !f.OK() {
		return s.renderPathwayForm(w, r, http.StatusUnprocessableEntity, o, old, f)
	}
	// Learners who already hold the POKs receive the credential now.
	if svc := s.pathwayService(ps); svc != nil {
		if _, err := svc.Sweep(r.Context(), p); err != nil {
			s.log.Error("pathway sweep", "pathway", p.ID, "err", err)
		}
	}
	s.redirectFlash(w, r, "/orgs/"+o.Slug+"/pathways/"+strconv.FormatInt(p.ID, 10), "flash.pathway_saved")
	return nil
}

// addPathwayErr records the store's field errors under the form's field names.
func addPathwayErr(f *form, err error) bool {
	var es pokot.Errors
	var e *pokot.Error
	switch {
	case errors.As(err, &es) && len(es) > 0:
	case errors.As(err, &e) && e.Code == pokot.EINVALID:
		es = pokot.Errors{e}
	default:
		return false
	}
	for _, e := range es {
		f.Add(pathwayField(e.Field), keyOr(e.Key, "error.invalid.text"))
	}
	return true
}
