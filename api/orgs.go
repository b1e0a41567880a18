package api

import (
	"net/http"
	"time"

	"github.com/pokot/pokot"
)

// orgJSON is an organisation in API responses.
type orgJSON struct {
	Slug       string     `json:"slug"`
	Name       pokot.Text `json:"name"`
	BusinessID string     `json:"business_id,omitempty"`
	Country    string     `json:"country,omitempty"`
	Region     string     `json:"region,omitempty"`
	Homepage   string     `json:"homepage,omitempty"`
	LogoURL    string     `json:"logo_url,omitempty"`
	Created    time.Time  `json:"created"`
	Roles      []string   `json:"roles"` // the caller's roles in it
}

func toOrgJSON(o *pokot.Organisation, roles []pokot.Role) orgJSON {
	j := orgJSON{Slug: o.Slug, Name: o.Name, BusinessID: o.BusinessID, Country: o.Country,
		Region: o.Region, Homepage: o.Homepage, LogoURL: o.LogoURL, Created: o.Created.UTC(), Roles: []string{}}
	for _, r := range roles {
		j.Roles = append(j.Roles, string(r))
	}
	return j
}

// access is what the caller may do in one organisation.
type access struct {
	org   *pokot.Organisation
	roles []pokot.Role
	admin bool // org admin or platform admin
}

// orgAccess loads the organisation of the {slug} path value and the caller's roles in it.
// ENOTFOUND for an unknown slug, EFORBIDDEN for a caller who is neither a member nor a
// platform administrator: every tenant route goes through here.
func (a *API) orgAccess(r *http.Request, u *pokot.User) (*access, error) {
	org, err := a.store.OrgBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return nil, err
	}
	ms, err := a.store.MembershipsOf(r.Context(), u.ID)
	if err != nil {
		return nil, err
	}
	ac := &access{org: org, admin: u.Admin}
	for _, m := range ms {
		if m.OrgID == org.ID {
			ac.roles = append(ac.roles, m.Role)
			if m.Role == pokot.RoleOrgAdmin {
				ac.admin = true
			}
		}
	}
	if len(ac.roles) == 0 && !u.Admin {
		return nil, &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.not_member", Message: "you are not a member of this organisation"}
	}
	return ac, nil
}

func forbiddenAdmin() error {
	return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.orgadmin_only", Message: "only the organisation's administrators may do this"}
}

// orgs lists the organisations the caller belongs to; platform administrators see all.
func (a *API) orgs(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ms, err := a.store.MembershipsOf(r.Context(), u.ID)
	if err != nil {
		return err
	}
	roles := map[int64][]pokot.Role{}
	var mine []*pokot.Organisation
	for _, m := range ms {
		if _, seen := roles[m.OrgID]; !seen && m.Org != nil {
			mine = append(mine, m.Org)
		}
		roles[m.OrgID] = append(roles[m.OrgID], m.Role)
	}
	if u.Admin {
		if mine, err = a.store.Orgs(r.Context()); err != nil {
			return err
		}
	}
	out := []orgJSON{}
	for _, o := range mine {
		out = append(out, toOrgJSON(o, roles[o.ID]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"orgs": out})
	return nil
}

func (a *API) org(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, err := a.orgAccess(r, u)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toOrgJSON(ac.org, ac.roles))
	return nil
}

// memberJSON is one person in an organisation with all their roles there.
type memberJSON struct {
	ID    int64    `json:"id"`
	Email string   `json:"email"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// members lists the members of an organisation, for its administrators only.
func (a *API) members(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, err := a.orgAccess(r, u)
	if err != nil {
		return err
	}
	if !ac.admin {
		return forbiddenAdmin()
	}
	ms, err := a.store.Members(r.Context(), ac.org.ID)
	if err != nil {
		return err
	}
	out := []*memberJSON{}
	byUser := map[int64]*memberJSON{}
	for _, m := range ms {
		if m.OrgID != ac.org.ID { // defence in depth: never another tenant's people
			continue
		}
		j := byUser[m.UserID]
		if j == nil {
			j = &memberJSON{ID: m.UserID, Roles: []string{}}
			if m.User != nil {
				j.Email, j.Name = m.User.Email, m.User.Name
			}
			byUser[m.UserID] = j
			out = append(out, j)
		}
		j.Roles = append(j.Roles, string(m.Role))
	}
	writeJSON(w, http.StatusOK, map[string]any{"members": out})
	return nil
}

// me describes the token's user and their memberships.
func (a *API) me(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ms, err := a.store.MembershipsOf(r.Context(), u.ID)
	if err != nil {
		return err
	}
	type membership struct {
		Org  string `json:"org"`
		Role string `json:"role"`
	}
	out := struct {
		ID          int64        `json:"id"`
		Email       string       `json:"email"`
		Name        string       `json:"name"`
		Admin       bool         `json:"admin"`
		Lang        string       `json:"lang"`
		Memberships []membership `json:"memberships"`
	}{ID: u.ID, Email: u.Email, Name: u.Name, Admin: u.Admin, Lang: string(u.Lang), Memberships: []membership{}}
	for _, m := range ms {
		slug := ""
		if m.Org != nil {
			slug = m.Org.Slug
		}
		out.Memberships = append(out.Memberships, membership{Org: slug, Role: string(m.Role)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
