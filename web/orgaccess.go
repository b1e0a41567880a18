package web

import (
	"net/http"
	"slices"

	"github.com/pokot/pokot"
)

// orgAccess loads the organisation named by {slug} and checks that the signed-in user may
// act in it: they hold one of roles there (any role when none are given), or they are a
// platform administrator. Members of other organisations get EFORBIDDEN; the check runs
// before anything is read or changed.
func (s *server) orgAccess(r *http.Request, roles ...pokot.Role) (*pokot.Organisation, []pokot.Role, error) {
	ctx := r.Context()
	u := st(r).user
	o, err := s.store.OrgBySlug(ctx, r.PathValue("slug"))
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, nil, notFoundErr()
	} else if err != nil {
		return nil, nil, err
	}
	mine, err := s.rolesIn(r, o.ID)
	if err != nil {
		return nil, nil, err
	}
	if u.Admin {
		return o, mine, nil
	}
	for _, have := range mine {
		if len(roles) == 0 || slices.Contains(roles, have) {
			return o, mine, nil
		}
	}
	return nil, nil, forbidden()
}

// rolesIn lists the signed-in user's roles in one organisation.
func (s *server) rolesIn(r *http.Request, orgID int64) ([]pokot.Role, error) {
	ms, err := s.store.MembershipsOf(r.Context(), st(r).user.ID)
	if err != nil {
		return nil, err
	}
	var out []pokot.Role
	for _, m := range ms {
		if m.OrgID == orgID {
			out = append(out, m.Role)
		}
	}
	return out, nil
}

// canManage reports whether the signed-in user may manage the organisation's members and
// settings.
func canManage(u *pokot.User, roles []pokot.Role) bool {
	return u.Admin || slices.Contains(roles, pokot.RoleOrgAdmin)
}
