package web

import (
	"net/http"

	"github.com/pokot/pokot"
)

type orgData struct {
	Org             *pokot.Organisation
	Roles           []pokot.Role
	Manage          bool
	Form            *form
	Country, Region string // in the reader's language
}

// orgHome is an organisation's page for its members.
func (s *server) orgHome(w http.ResponseWriter, r *http.Request) error {
	o, roles, err := s.orgAccess(r)
	if err != nil {
		return err
	}
	sortRoles(roles)
	l := st(r).lang
	d := orgData{Org: o, Roles: roles, Manage: canManage(st(r).user, roles), Region: pokot.RegionName(o.Region, l)}
	if o.Country != "" {
		d.Country = pokot.CountryName(l, o.Country)
	}
	return s.render(w, r, http.StatusOK, "org", d, nil)
}

// orgSettings shows the organisation's details to its org admins.
func (s *server) orgSettings(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	f := newForm("org", nil)
	fillOrgForm(f, o)
	return s.render(w, r, http.StatusOK, "orgsettings", orgData{Org: o, Form: f}, nil)
}

// saveOrgSettings validates and stores the organisation's details.
func (s *server) saveOrgSettings(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	f := newForm("org", r)
	updated := *o
	readOrgForm(f, &updated)
	if f.OK() {
		if err = s.store.UpdateOrg(r.Context(), &updated); err == nil {
			s.redirectFlash(w, r, "/orgs/"+o.Slug+"/settings", "flash.saved")
			return nil
		}
		if !f.AddErr(err) {
			return err
		}
	}
	return s.render(w, r, http.StatusUnprocessableEntity, "orgsettings", orgData{Org: o, Form: f}, f)
}
