package pokot

import (
	"context"
	"time"
)

// Organisation is an institution: a tenant whose drafts, learners and keys are invisible to
// the others. Slug is used in URLs (/orgs/{slug}) and must be unique.
type Organisation struct {
	ID         int64
	Slug       string
	Name       Text
	BusinessID string // Finnish Y-tunnus, e.g. "0123456-7"; validated by ValidBusinessID
	Country    string // ISO 3166-1 alpha-2, e.g. "FI"
	Region     string
	Homepage   string
	LogoURL    string
	Created    time.Time
}

// Role is what a member may do in an organisation.
type Role string

// The organisation roles (the platform administrator is a flag on User).
const (
	RoleOrgAdmin Role = "orgadmin"
	RoleDesigner Role = "designer"
	RoleAssessor Role = "assessor"
	RolePartner  Role = "partner" // working-life partner
	RoleLearner  Role = "learner"
)

// Roles lists every organisation role.
var Roles = []Role{RoleOrgAdmin, RoleDesigner, RoleAssessor, RolePartner, RoleLearner}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Membership links a user to an organisation with one role; a user may hold several.
type Membership struct {
	OrgID   int64
	UserID  int64
	Role    Role
	Created time.Time
	// Filled by listings for display.
	User *User
	Org  *Organisation
}

// Invitation asks someone by e-mail to join an organisation with a role.
type Invitation struct {
	ID         int64
	OrgID      int64
	Email      string
	Role       Role
	InvitedBy  int64
	Expires    time.Time
	AcceptedAt *time.Time
	Created    time.Time
}

// OrgService stores organisations, memberships and invitations.
type OrgService interface {
	// CreateOrg inserts o and sets its ID and Created. ECONFLICT if the slug is taken, EINVALID.
	CreateOrg(ctx context.Context, o *Organisation) error
	// UpdateOrg saves every field but ID, Slug and Created. ENOTFOUND, EINVALID.
	UpdateOrg(ctx context.Context, o *Organisation) error
	// OrgByID returns ENOTFOUND when missing.
	OrgByID(ctx context.Context, id int64) (*Organisation, error)
	// OrgBySlug returns ENOTFOUND when missing.
	OrgBySlug(ctx context.Context, slug string) (*Organisation, error)
	// Orgs lists all organisations by slug.
	Orgs(ctx context.Context) ([]*Organisation, error)

	// AddMember grants role; granting an existing role is not an error.
	AddMember(ctx context.Context, orgID, userID int64, role Role) error
	// RemoveMember revokes role. ENOTFOUND if the user does not hold it; ECONFLICT when it
	// would leave the organisation without an org admin.
	RemoveMember(ctx context.Context, orgID, userID int64, role Role) error
	// Members lists an organisation's memberships with User filled, by name.
	Members(ctx context.Context, orgID int64) ([]*Membership, error)
	// MembershipsOf lists a user's memberships with Org filled.
	MembershipsOf(ctx context.Context, userID int64) ([]*Membership, error)

	// CreateInvitation stores inv and returns the one-time token to e-mail (only its hash is
	// stored). ECONFLICT when the address already holds the role.
	CreateInvitation(ctx context.Context, inv *Invitation) (token string, err error)
	// Invitations lists the open (not accepted, not expired) invitations of an organisation.
	Invitations(ctx context.Context, orgID int64, now time.Time) ([]*Invitation, error)
	// InvitationByToken returns ENOTFOUND for an unknown, used or expired token.
	InvitationByToken(ctx context.Context, token string, now time.Time) (*Invitation, error)
	// AcceptInvitation marks the invitation used and grants its role to userID, atomically.
	// ENOTFOUND for an unknown, used or expired token.
	AcceptInvitation(ctx context.Context, token string, userID int64, now time.Time) (*Invitation, error)
	// CancelInvitation deletes an open invitation of orgID. ENOTFOUND.
	CancelInvitation(ctx context.Context, orgID, invitationID int64) error
}
