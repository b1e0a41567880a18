package web

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/pokot/pokot"
)

// memberRow is one person in the member list with all their roles.
type memberRow struct {
	User  *pokot.User
	Roles []pokot.Role
}

type membersData struct {
	Org         *pokot.Organisation
	Members     []memberRow
	Invitations []*pokot.Invitation
	Invite      *form
	Error       string // catalog key of a refused role change
}

// members lists the organisation's members and open invitations, for its org admins.
func (s *server) members(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	return s.renderMembers(w, r, http.StatusOK, o, newForm("invite", nil), "", nil)
}

func (s *server) renderMembers(w http.ResponseWriter, r *http.Request, status int, o *pokot.Organisation, invite *form, errKey string, summary *form) error {
	ctx := r.Context()
	ms, err := s.store.Members(ctx, o.ID)
	if err != nil {
		return err
	}
	invs, err := s.store.Invitations(ctx, o.ID, s.now())
	if err != nil {
		return err
	}
	d := membersData{Org: o, Invitations: invs, Invite: invite, Error: errKey}
	idx := map[int64]int{}
	for _, m := range ms {
		i, ok := idx[m.UserID]
		if !ok {
			u := m.User
			if u == nil {
				if u, err = s.store.UserByID(ctx, m.UserID); err != nil {
					return err
				}
			}
			i = len(d.Members)
			idx[m.UserID] = i
			d.Members = append(d.Members, memberRow{User: u})
		}
		d.Members[i].Roles = append(d.Members[i].Roles, m.Role)
	}
	for i := range d.Members {
		sortRoles(d.Members[i].Roles)
	}
	sort.SliceStable(d.Members, func(i, j int) bool { return d.Members[i].User.Name < d.Members[j].User.Name })
	return s.render(w, r, status, "members", d, summary)
}

// memberTarget reads {user} and the posted role of a role change.
func memberTarget(r *http.Request) (int64, pokot.Role, bool) {
	id, err := strconv.ParseInt(r.PathValue("user"), 10, 64)
	role := pokot.Role(r.PostFormValue("role"))
	return id, role, err == nil && id > 0 && role.Valid()
}

// addRole grants one more role to an existing member.
func (s *server) addRole(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	uid, role, ok := memberTarget(r)
	if !ok {
		return s.renderMembers(w, r, http.StatusUnprocessableEntity, o, newForm("invite", nil), "err.role_invalid", nil)
	}
	if isMember, err := s.isMember(r, o.ID, uid); err != nil {
		return err
	} else if !isMember {
		return notFoundErr()
	}
	if err := s.store.AddMember(r.Context(), o.ID, uid, role); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/orgs/"+o.Slug+"/members", "flash.role_added")
	return nil
}

// removeRole revokes one role; the last org admin cannot be removed.
func (s *server) removeRole(w http.ResponseWriter, r *http.Request) error {
	o, _, err := s.orgAccess(r, pokot.RoleOrgAdmin)
	if err != nil {
		return err
	}
	uid, role, ok := memberTarget(r)
	if !ok {
		return s.renderMembers(w, r, http.StatusUnprocessableEntity, o, newForm("invite", nil), "err.role_invalid", nil)
	}
	err = s.store.RemoveMember(r.Context(), o.ID, uid, role)
	switch pokot.ErrorCode(err) {
	case "":
		s.redirectFlash(w, r, "/orgs/"+o.Slug+"/members", "flash.role_removed")
		return nil
	case pokot.ECONFLICT:
		return s.renderMembers(w, r, http.StatusConflict, o, newForm("invite", nil), "err.last_orgadmin", nil)
	case pokot.ENOTFOUND:
		return notFoundErr()
	}
	return err
}

// isMember reports whether userID holds any role in orgID.
func (s *server) isMember(r *http.Request, orgID, userID int64) (bool, error) {
	ms, err := s.store.MembershipsOf(r.Context(), userID)
	if err != nil {
		return false, err
	}
	for _, m := range ms {
		if m.OrgID == orgID {
			return true, nil
		}
	}
	return false, nil
}
