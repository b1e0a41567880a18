package web

import (
	"net/http"
	"sort"

	"github.com/pokot/pokot"
)

// orgRoles is one organisation with the signed-in user's roles in it.
type orgRoles struct {
	Org    *pokot.Organisation
	Roles  []pokot.Role
	Manage bool
	Design bool // designer or org admin: the studio
	Run    bool // designer, assessor or org admin: offerings, assessment, issuing
}

type dashboardData struct {
	Orgs       []orgRoles
	OrgCount   int
	UserCount  int
	MailCount  int
	OtherRoles []pokot.Role // roles other than org admin, for the role welcomes
}

// dashboard is the signed-in start page, built from the user's roles.
func (s *server) dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u := st(r).user
	ms, err := s.store.MembershipsOf(ctx, u.ID)
	if err != nil {
		return err
	}
	d := dashboardData{}
	byOrg := map[int64]*orgRoles{}
	seen := map[pokot.Role]bool{}
	for _, m := range ms {
		or, ok := byOrg[m.OrgID]
		if !ok {
			org := m.Org
			if org == nil {
				if org, err = s.store.OrgByID(ctx, m.OrgID); err != nil {
					return err
				}
			}
			or = &orgRoles{Org: org, Manage: u.Admin}
			byOrg[m.OrgID] = or
		}
		or.Roles = append(or.Roles, m.Role)
		switch m.Role {
		case pokot.RoleOrgAdmin, pokot.RoleDesigner:
			or.Design, or.Run = true, true
		case pokot.RoleAssessor:
			or.Run = true
		}
		if m.Role == pokot.RoleOrgAdmin {
			or.Manage = true
		} else if !seen[m.Role] {
			seen[m.Role] = true
		}
	}
	for _, or := range byOrg {
		sortRoles(or.Roles)
		d.Orgs = append(d.Orgs, *or)
	}
	sort.Slice(d.Orgs, func(i, j int) bool { return d.Orgs[i].Org.Slug < d.Orgs[j].Org.Slug })
	for _, role := range pokot.Roles {
		if seen[role] {
			d.OtherRoles = append(d.OtherRoles, role)
		}
	}
	if u.Admin {
		orgs, err := s.store.Orgs(ctx)
		if err != nil {
			return err
		}
		users, err := s.store.Users(ctx)
		if err != nil {
			return err
		}
		_, mails, err := s.store.Outbox(ctx, 1, 0)
		if err != nil {
			return err
		}
		d.OrgCount, d.UserCount, d.MailCount = len(orgs), len(users), mails
	}
	return s.render(w, r, http.StatusOK, "dashboard", d, nil)
}

// sortRoles orders roles as pokot.Roles lists them.
func sortRoles(rs []pokot.Role) {
	idx := map[pokot.Role]int{}
	for i, r := range pokot.Roles {
		idx[r] = i
	}
	sort.Slice(rs, func(i, j int) bool { return idx[rs[i]] < idx[rs[j]] })
}
