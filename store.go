package pokot

import "context"

// Store is everything the web and API layers need from storage; package sqldb implements it
// on SQLite and PostgreSQL.
type Store interface {
	OrgService
	UserService
	SessionService
	APITokenService
	MailService
	ContentService
	JobService
	MicrocredentialService
	IssuerService
	// Ping reports whether the database is reachable (for /readyz).
	Ping(ctx context.Context) error
}

// DeliveryStore is what running a POK needs from storage besides Store: offerings,
// registrations, assessments and issued credentials (issue 5). The web pages and the API
// reach it from their Store by a type assertion; a store without it is an internal error.
type DeliveryStore interface {
	OfferingService
	RegistrationService
	AssessmentService
	IssuanceService
}

// OfferingRoles may open an organisation's offerings; what each may change is checked by
// the services (designers and org admins edit, the offering's assessors assess and issue).
var OfferingRoles = []Role{RoleOrgAdmin, RoleDesigner, RoleAssessor}
