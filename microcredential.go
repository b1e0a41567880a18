package pokot

import (
	"context"
	"time"
)

// Status is the workflow state of one version of a POK.
type Status string

// The version statuses, in workflow order.
const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusApproved  Status = "approved"
	StatusPublished Status = "published"
	StatusArchived  Status = "archived"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusReview, StatusApproved, StatusPublished, StatusArchived}

// Microcredential is a POK (pieni osaamiskokonaisuus): a stable identity owned by one
// organisation whose description lives in numbered versions. Slug is unique within the
// organisation.
type Microcredential struct {
	ID               int64
	OrgID            int64
	Slug             string
	CurrentVersion   int // the newest version's number
	PublishedVersion int // the version shown in the catalogue; 0 when none
	CreatedBy        int64
	Created          time.Time
	// Filled by listings: the newest version (Current) and the published one, when any.
	Current   *MicrocredentialVersion
	Published *MicrocredentialVersion
}

// MicrocredentialVersion is one numbered version of a POK's description. Only a draft can
// be edited; Revision counts saves and is the optimistic-concurrency stamp of UpdateDraft.
// A published or archived version never changes content again.
type MicrocredentialVersion struct {
	ID                int64
	MicrocredentialID int64
	OrgID             int64
	Number            int
	Status            Status
	Content           MicrocredentialContent
	Revision          int
	CreatedBy         int64 // the author of this version
	Created           time.Time
	Updated           time.Time
	UpdatedBy         int64
	ApprovedBy        *int64
	ApprovedAt        *time.Time
	PublishedBy       *int64
	PublishedAt       *time.Time
	ArchivedAt        *time.Time
}

// HistoryEntry is one audited action on a POK: who did what, when, to which version.
type HistoryEntry struct {
	ID                int64
	OrgID             int64
	MicrocredentialID int64
	Version           int // 0 when the action concerns the POK as a whole
	UserID            int64
	Action            string // one of the Action… constants
	Note              string
	Created           time.Time
}

// The audited actions.
const (
	ActionCreate         = "create"
	ActionUpdate         = "update"
	ActionSubmit         = "submit"          // draft → review
	ActionRequestChanges = "request_changes" // review → draft
	ActionApprove        = "approve"         // review → approved
	ActionPublish        = "publish"         // approved → published
	ActionArchive        = "archive"         // published → archived
	ActionNewVersion     = "new_version"     // a draft made from the newest version
	ActionComment        = "comment"
	ActionResolve        = "resolve"
	ActionReopen         = "reopen"
	ActionPartnerAdd     = "partner_add"
	ActionPartnerRemove  = "partner_remove"
	ActionSignOff        = "sign_off"
)

// MicrocredentialService stores POKs, their versions, workflow, history, co-design and the
// public catalogue. Every method that touches an organisation's POKs takes orgID and finds
// nothing (ENOTFOUND) in other organisations. userID is the acting user; the store checks
// their memberships: designers and org admins edit, invited partners (by e-mail) see and
// comment on the POKs they are invited to, everyone else gets ENOTFOUND or EFORBIDDEN.
type MicrocredentialService interface {
	// CreateMicrocredential creates a POK in orgID with draft version 1 holding c; an empty
	// slug is made from the Finnish title. EFORBIDDEN ("err.mc.forbidden") unless userID is
	// a designer or org admin of orgID; EINVALID (ValidateDraft, "err.mc.slug_invalid");
	// ECONFLICT ("err.mc.slug_taken").
	CreateMicrocredential(ctx context.Context, orgID, userID int64, slug string, c *MicrocredentialContent) (*Microcredential, *MicrocredentialVersion, error)
	// UpdateDraft saves c into draft version number when revision is still the version's
	// Revision, and returns the saved version (Revision+1). ECONFLICT "err.mc.stale" when
	// someone saved in between, "err.mc.not_draft" when the version is not a draft (a
	// published version is immutable); EFORBIDDEN; EINVALID; ENOTFOUND.
	UpdateDraft(ctx context.Context, orgID, mcID int64, number int, userID int64, c *MicrocredentialContent, revision int) (*MicrocredentialVersion, error)
	// NewVersion makes draft version CurrentVersion+1 from the newest version (to edit a
	// published POK). ECONFLICT "err.mc.draft_exists" while the newest version is not yet
	// published or archived; EFORBIDDEN; ENOTFOUND.
	NewVersion(ctx context.Context, orgID, mcID, userID int64) (*MicrocredentialVersion, error)
	// Transition moves version number to status to, by the rules of CheckTransition (and the
	// quality gate on approval and publication); publishing archives the previously
	// published version and puts the new one in the catalogue; archiving the published
	// version takes the POK out of it. ECONFLICT "err.mc.bad_transition", EFORBIDDEN
	// "err.mc.forbidden"/"err.mc.self_approval", EINVALID (the gate's errors), ENOTFOUND.
	Transition(ctx context.Context, orgID, mcID int64, number int, userID int64, to Status, note string) (*MicrocredentialVersion, error)

	// Microcredential returns a POK with Current and Published filled. ENOTFOUND.
	Microcredential(ctx context.Context, orgID, id int64) (*Microcredential, error)
	// MicrocredentialBySlug is Microcredential by slug. ENOTFOUND.
	MicrocredentialBySlug(ctx context.Context, orgID int64, slug string) (*Microcredential, error)
	// MicrocredentialVersion returns one version with its content. ENOTFOUND.
	MicrocredentialVersion(ctx context.Context, orgID, mcID int64, number int) (*MicrocredentialVersion, error)
	// MicrocredentialVersions lists every version of a POK, newest first.
	MicrocredentialVersions(ctx context.Context, orgID, mcID int64) ([]*MicrocredentialVersion, error)
	// Microcredentials lists an organisation's POKs with Current (and Published) filled,
	// most recently updated first; status "" means all.
	Microcredentials(ctx context.Context, orgID int64, status Status) ([]*Microcredential, error)
	// MicrocredentialHistory lists the audit trail of a POK, oldest first.
	MicrocredentialHistory(ctx context.Context, orgID, mcID int64) ([]*HistoryEntry, error)
	// BadgeImage returns the image (Data filled) of a version that has been published, for
	// the public pages; drafts' images come with MicrocredentialVersion. ENOTFOUND otherwise.
	BadgeImage(ctx context.Context, versionID int64) (*BadgeImage, error)

	// QualityChecks runs the quality gate on a version with what the database knows
	// (partners, the awarding body's country, the stackability target), for the checklist
	// shown while editing. ENOTFOUND.
	QualityChecks(ctx context.Context, orgID, mcID int64, number int) ([]Check, error)

	// MicrocredentialAccess says what userID may do with a POK. ENOTFOUND when they may
	// not even see it (another organisation's draft, a partner not invited).
	MicrocredentialAccess(ctx context.Context, orgID, mcID, userID int64) (*Access, error)
	// AddPartner invites the holder of email to co-design the POK (its drafts). EFORBIDDEN
	// unless userID is a designer or org admin; EINVALID for a bad address; ECONFLICT
	// ("err.mc.partner_exists").
	AddPartner(ctx context.Context, orgID, mcID, userID int64, email string) (*PartnerGrant, error)
	// RemovePartner withdraws an invitation. EFORBIDDEN, ENOTFOUND.
	RemovePartner(ctx context.Context, orgID, mcID, userID, grantID int64) error
	// Partners lists the partners invited to a POK.
	Partners(ctx context.Context, orgID, mcID int64) ([]*PartnerGrant, error)
	// PartnerMicrocredentials lists the POKs (of every organisation) that userID is invited
	// to as a partner, with Current filled.
	PartnerMicrocredentials(ctx context.Context, userID int64) ([]*Microcredential, error)
	// AddComment stores c (OrgID, MicrocredentialID, Version, ParentID, Anchor, AuthorID,
	// Body) and fills ID, Created and Mentions (members or partners named in the body).
	// EFORBIDDEN unless the author may comment; EINVALID ("err.mc.comment_empty",
	// "err.mc.anchor_invalid"); ENOTFOUND for a parent of another POK.
	AddComment(ctx context.Context, c *Comment) error
	// Comments lists a POK's comments, oldest first (use Threads to group them).
	Comments(ctx context.Context, orgID, mcID int64) ([]*Comment, error)
	// ResolveComment resolves (or with resolved false reopens) the thread of commentID.
	// EFORBIDDEN, ENOTFOUND.
	ResolveComment(ctx context.Context, orgID, commentID, userID int64, resolved bool) error
	// SignOff records that partner userID accepts version number. EFORBIDDEN unless they are
	// an invited partner; ECONFLICT ("err.mc.signed_already").
	SignOff(ctx context.Context, orgID, mcID int64, number int, userID int64, note string) (*SignOff, error)
	// SignOffs lists a POK's partner sign-offs, oldest first.
	SignOffs(ctx context.Context, orgID, mcID int64) ([]*SignOff, error)

	// PublishedMicrocredential returns the published version of a POK of any organisation
	// (the public page). ENOTFOUND when none is published.
	PublishedMicrocredential(ctx context.Context, id int64) (*Microcredential, error)
	// Search queries the public catalogue: published versions only.
	Search(ctx context.Context, q CatalogQuery) (*CatalogResult, error)
}

// Access is what one user may do with one POK.
type Access struct {
	View, Edit, Comment, Approve, Publish, SignOff bool
	Partner                                        bool // sees the POK only as an invited partner
	Roles                                          []Role
}

// Facet names of CatalogResult.Facets.
const (
	FacetLevel         = "level"
	FacetField         = "field"
	FacetUnit          = "unit"
	FacetOrg           = "org"
	FacetLanguage      = "language"
	FacetParticipation = "participation"
	FacetSkill         = "skill"
	FacetJotpa         = "jotpa"
	FacetStackable     = "stackable"
)

// Catalogue sort orders.
const (
	SortRelevance = "relevance" // default with a query
	SortNewest    = "newest"    // default without
	SortTitle     = "title"
	SortWorkload  = "workload"
)

// CatalogQuery is a catalogue search. Zero values mean "any". Min and Max bound the
// workload in Unit (ignored without Unit, since units are never converted).
type CatalogQuery struct {
	Q                        string
	Lang                     Lang // the reader's language: titles are sorted in it
	Level                    int
	Field                    string // ISCED-F code; a broad or narrow code matches its children
	Unit                     WorkloadUnit
	Min, Max                 float64
	Org                      int64
	Skill                    string // ESCO URI
	Language                 string // language of instruction
	Participation            ParticipationForm
	Jotpa                    bool
	StackableToQualification bool
	Sort                     string
	Page                     int // from 1
	PerPage                  int // default 20, at most 100
}

// CatalogResult is one page of a catalogue search with the total and facet counts.
type CatalogResult struct {
	Items []*CatalogItem
	Total int
	Page  int
	// Facets counts the results by each facet's values. For a facet whose filter is in use,
	// the counts are those of the same search without that filter ("disjunctive" counts),
	// so that the other values stay visible with the number of results they would give.
	Facets map[string][]FacetCount
	// Orgs names the organisations of the catalogue (the awarding bodies of its POKs), read
	// with the catalogue itself; shared between results, so read-only.
	Orgs map[int64]Text
}

// CatalogItem is one published POK in a result list. Content carries no image data.
type CatalogItem struct {
	ID          int64
	OrgID       int64
	Slug        string
	Version     int
	VersionID   int64
	Content     MicrocredentialContent
	PublishedAt time.Time
	Score       float64
}

// FacetCount is how many results have one value of a facet.
type FacetCount struct {
	Value string
	Count int
}
