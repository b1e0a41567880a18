package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
)

// The design studio: designers and org admins build POK descriptions step by step, invite
// working-life partners to comment and sign off, and take a version through the workflow.
// Partners reach only the POKs they are invited to; the store decides who may do what
// (MicrocredentialAccess), and the pages here only show what that allows.

// studioPOK is one POK as a page sees it, with what the signed-in user may do.
type studioPOK struct {
	Org    *pokot.Organisation
	MC     *pokot.Microcredential
	Access *pokot.Access
	mcs    pokot.MicrocredentialService
}

// Base is the path of the POK's studio pages.
func (p *studioPOK) Base() string {
	return "/orgs/" + p.Org.Slug + "/studio/" + strconv.FormatInt(p.MC.ID, 10)
}

// loadStudioPOK loads the organisation of {slug} and the POK of {id} and checks that the
// signed-in user may see it. A POK the user may not see is EFORBIDDEN for everyone who
// does not design in the organisation (other organisations, partners not invited), so that
// the answer tells nothing about other organisations' drafts; it is ENOTFOUND for the
// organisation's own designers.
func (s *server) loadStudioPOK(r *http.Request) (*studioPOK, error) {
	mcs := s.store
	ctx := r.Context()
	u := st(r).user
	o, err := s.store.OrgBySlug(ctx, r.PathValue("slug"))
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, notFoundErr()
	} else if err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, notFoundErr()
	}
	a, err := mcs.MicrocredentialAccess(ctx, o.ID, id, u.ID)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		roles, rerr := s.rolesIn(r, o.ID)
		if rerr != nil {
			return nil, rerr
		}
		if pokot.CanDesign(roles) {
			return nil, notFoundErr()
		}
		return nil, forbidden()
	} else if err != nil {
		return nil, err
	}
	m, err := mcs.Microcredential(ctx, o.ID, id)
	if err != nil {
		return nil, err
	}
	return &studioPOK{Org: o, MC: m, Access: a, mcs: mcs}, nil
}

// studioListData is the organisation's list of POKs.
type studioListData struct {
	Org   *pokot.Organisation
	Items []*pokot.Microcredential
	Form  *form
}

// studioList lists the organisation's POKs with their status, for designers and org admins.
func (s *server) studioList(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleDesigner, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	return s.renderStudioList(w, r, http.StatusOK, o, newForm("new", nil))
}

func (s *server) renderStudioList(w http.ResponseWriter, r *http.Request, status int, o *pokot.Organisation, f *form) error {
	mcs := s.store
	items, err := mcs.Microcredentials(r.Context(), o.ID, "")
	if err != nil {
		return err
	}
	var summary *form
	if !f.OK() {
		summary = f
	}
	return s.render(w, r, status, "studio", studioListData{Org: o, Items: items, Form: f}, summary)
}

// studioCreate creates a draft from a Finnish working title and opens its first step.
func (s *server) studioCreate(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleDesigner, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	mcs := s.store
	f := newForm("new", r)
	title := f.Get("title")
	if title == "" {
		f.Add("title", "studio.err.title_required")
		return s.renderStudioList(w, r, http.StatusUnprocessableEntity, o, f)
	}
	c := &pokot.MicrocredentialContent{Title: pokot.Text{pokot.Finnish: title}, IsPOK: true}
	slug := ""
	var m *pokot.Microcredential
	for i := 1; i <= 20; i++ {
		m, _, err = mcs.CreateMicrocredential(r.Context(), o.ID, st(r).user.ID, slug, c)
		var e *pokot.Error
		if errors.As(err, &e) && e.Field == "slug" {
			// The address name made from the title is taken (or empty): number it.
			slug = slugBase(title) + "-" + strconv.Itoa(i+1)
			continue
		}
		break
	}
	if err != nil {
		if f.AddErr(err) {
			for i := range f.Errors {
				f.Errors[i].Field, f.Errors[i].ID = "title", f.ID("title")
			}
			return s.renderStudioList(w, r, http.StatusUnprocessableEntity, o, f)
		}
		return err
	}
	s.redirectFlash(w, r, "/orgs/"+o.Slug+"/studio/"+strconv.FormatInt(m.ID, 10)+"/step/1", "studio.flash.created")
	return nil
}

// studioHomeData is everything a user designs or is invited to, across organisations.
type studioHomeData struct {
	Orgs    []*pokot.Organisation // where the user designs
	Invited []studioInvite
}

type studioInvite struct {
	Org *pokot.Organisation
	MC  *pokot.Microcredential
}

// studioHome is the studio's start page: the organisations where the user designs POKs
// and the drafts they are invited to comment on as a working-life partner.
func (s *server) studioHome(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	mcs := s.store
	u := st(r).user
	ms, err := s.store.MembershipsOf(ctx, u.ID)
	if err != nil {
		return err
	}
	d := studioHomeData{}
	seen := map[int64]bool{}
	for _, m := range ms {
		if (m.Role == pokot.RoleDesigner || m.Role == pokot.RoleOrgAdmin) && !seen[m.OrgID] {
			seen[m.OrgID] = true
			o := m.Org
			if o == nil {
				if o, err = s.store.OrgByID(ctx, m.OrgID); err != nil {
					return err
				}
			}
			d.Orgs = append(d.Orgs, o)
		}
	}
	inv, err := mcs.PartnerMicrocredentials(ctx, u.ID)
	if err != nil {
		return err
	}
	orgs := map[int64]*pokot.Organisation{}
	for _, m := range inv {
		o, ok := orgs[m.OrgID]
		if !ok {
			if o, err = s.store.OrgByID(ctx, m.OrgID); err != nil {
				return err
			}
			orgs[m.OrgID] = o
		}
		d.Invited = append(d.Invited, studioInvite{Org: o, MC: m})
	}
	return s.render(w, r, http.StatusOK, "studiohome", d, nil)
}

// slugBase is the address name the store makes from a title, for numbering a taken one.
func slugBase(title string) string {
	b := make([]rune, 0, len(title))
	dash := false
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == 'ä' || r == 'Ä' || r == 'å' || r == 'Å':
			r = 'a'
		case r == 'ö' || r == 'Ö':
			r = 'o'
		default:
			dash = true
			continue
		}
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = append(b, r)
		if len(b) >= 60 {
			break
		}
	}
	if len(b) == 0 {
		return "pok"
	}
	return string(b)
}
