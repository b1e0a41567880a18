package sqldb

import (
	"context"
	"database/sql"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/pokot/pokot"
)

func invalidRole() error {
	return pokot.FieldError("role", "err.role_invalid", "unknown role")
}

// AddMember grants role; granting an existing role is not an error. ENOTFOUND when the
// organisation or the user is missing, EINVALID for an unknown role.
func (db *DB) AddMember(ctx context.Context, orgID, userID int64, role pokot.Role) error {
	if !role.Valid() {
		return invalidRole()
	}
	_, err := db.w.ExecContext(ctx, `
		INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (org_id, user_id, role) DO NOTHING`,
		orgID, userID, string(role), db.ts(db.now()))
	return mapErr(err)
}

// RemoveMember revokes role. ENOTFOUND if the user does not hold it; ECONFLICT
// ("err.last_admin") when it would leave the organisation without an org admin.
func (db *DB) RemoveMember(ctx context.Context, orgID, userID int64, role pokot.Role) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if role == pokot.RoleOrgAdmin {
			var admins, holds int
			err := tx.QueryRowContext(ctx, `
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN user_id = $1 THEN 1 ELSE 0 END), 0)
				FROM memberships WHERE org_id = $2 AND role = $3`,
				userID, orgID, string(pokot.RoleOrgAdmin)).Scan(&admins, &holds)
			if err != nil {
				return err
			}
			if holds == 1 && admins == 1 {
				return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.last_admin", Field: "role",
					Message: "an organisation needs at least one administrator"}
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE org_id = $1 AND user_id = $2 AND role = $3`,
			orgID, userID, string(role))
		if err != nil {
			return err
		}
		return affected(res, "membership")
	})
}

// Members lists an organisation's memberships with User filled, by name in Finnish
// alphabetical order, then e-mail and role.
func (db *DB) Members(ctx context.Context, orgID int64) ([]*pokot.Membership, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT m.org_id, m.user_id, m.role, m.created_at, `+userColumns+`
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = $1`, orgID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ms []*pokot.Membership
	for rows.Next() {
		m := &pokot.Membership{User: &pokot.User{}}
		var role string
		u := m.User
		if err := rows.Scan(&m.OrgID, &m.UserID, &role, timeCol{&m.Created},
			&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Admin, (*string)(&u.Lang), timeCol{&u.Created}); err != nil {
			return nil, mapErr(err)
		}
		m.Role = pokot.Role(role)
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	// Sorted here rather than in SQL: the engines' collations differ, and Finnish puts
	// Å, Ä and Ö after Z in that order.
	col := collate.New(language.Finnish, collate.IgnoreCase)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].User, ms[j].User
		if c := col.CompareString(a.Name, b.Name); c != 0 {
			return c < 0
		}
		if a.Email != b.Email {
			return a.Email < b.Email
		}
		return ms[i].Role < ms[j].Role
	})
	return ms, nil
}

// MembershipsOf lists a user's memberships with Org filled, by organisation slug.
func (db *DB) MembershipsOf(ctx context.Context, userID int64) ([]*pokot.Membership, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT m.org_id, m.user_id, m.role, m.created_at, `+orgColumns+`
		FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE m.user_id = $1
		ORDER BY o.slug, m.role`, userID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ms []*pokot.Membership
	for rows.Next() {
		m := &pokot.Membership{Org: &pokot.Organisation{}}
		var role string
		o := m.Org
		if err := rows.Scan(&m.OrgID, &m.UserID, &role, timeCol{&m.Created},
			&o.ID, &o.Slug, textCol{&o.Name}, &o.BusinessID, &o.Country, &o.Region, &o.Homepage, &o.LogoURL, timeCol{&o.Created}); err != nil {
			return nil, mapErr(err)
		}
		m.Role = pokot.Role(role)
		ms = append(ms, m)
	}
	return ms, mapErr(rows.Err())
}
