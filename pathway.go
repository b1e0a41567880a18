package pokot

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Limits of a pathway definition.
const maxPathwayMembers = 30

// Pathway is a stackable pathway (issue 5): published POKs of one organisation that together
// cover a target, such as a qualification unit (tutkinnon osa) in ePerusteet. A learner who
// holds non-revoked credentials for Required of the Members (all of them when Required is 0)
// completes the pathway and receives a pathway credential in the organisation's name, once.
type Pathway struct {
	ID          int64
	OrgID       int64
	Name        Text
	Description Text
	Target      QualificationUnit // what the pathway covers; Code may be empty
	Members     []int64           // POK (Microcredential) ids, in the order shown
	Required    int               // "any N of these M"; 0 means all of them
	CreatedBy   int64
	Created     time.Time
	Updated     time.Time
}

// Need returns how many member credentials complete the pathway.
func (p *Pathway) Need() int {
	if p.Required <= 0 || p.Required > len(p.Members) {
		return len(p.Members)
	}
	return p.Required
}

// ValidatePathway checks a definition's form: a Finnish name, 1–30 distinct members, a rule
// N ≤ M, texts of sane size and a target with a valid code and an https link. Whether the
// members are published POKs of the organisation is the store's check. Errors or nil.
func ValidatePathway(p *Pathway) error {
	x := &v{}
	if strings.TrimSpace(p.Name[Finnish]) == "" {
		x.add("name.fi", "err.pathway.name_required", "give the pathway a name in Finnish")
	}
	x.text("name", p.Name, maxShortText)
	x.text("description", p.Description, maxLongText)
	if p.Target.Code != "" && !qualification.MatchString(p.Target.Code) {
		x.add("target.code", "err.mc.unit_code_invalid", "give the code of the qualification unit, e.g. 106936")
	}
	if p.Target.URL != "" {
		if u, err := url.Parse(p.Target.URL); err != nil || u.Scheme != "https" || u.Host == "" {
			x.add("target.url", "err.mc.url_invalid", "the link must be an https:// address")
		}
	}
	x.text("target.name", p.Target.Name, maxShortText)
	switch {
	case len(p.Members) == 0:
		x.add("members", "err.pathway.no_members", "choose at least one POK")
	case len(p.Members) > maxPathwayMembers:
		x.add("members", "err.pathway.too_many_members", fmt.Sprintf("at most %d POKs", maxPathwayMembers))
	}
	seen := map[int64]bool{}
	for i, id := range p.Members {
		if id <= 0 {
			x.add(fmt.Sprintf("members[%d]", i), "err.pathway.unknown_member", "unknown POK")
		} else if seen[id] {
			x.add(fmt.Sprintf("members[%d]", i), "err.pathway.duplicate_member", "the same POK is in the pathway twice")
		}
		seen[id] = true
	}
	if p.Required < 0 {
		x.add("required", "err.pathway.required_invalid", "the number of POKs required cannot be negative")
	} else if p.Required > len(p.Members) && len(p.Members) > 0 {
		x.add("required", "err.pathway.required_too_many",
			fmt.Sprintf("%d of %d cannot be met: at most %d", p.Required, len(p.Members), len(p.Members)))
	}
	return x.errs.Err()
}

// PathwayHolding is one member credential a learner holds: the POK and the issued
// credential's id.
type PathwayHolding struct {
	MicrocredentialID int64
	CredentialID      string // urn:uuid:… of the POK credential
	IssuedAt          time.Time
}

// PathwayProgress is a learner's progress on a pathway.
type PathwayProgress struct {
	Email    string
	Held     []PathwayHolding // member credentials held, not revoked or suspended, by member order
	Need     int
	Complete bool
	// CredentialID is the pathway credential's id once issued, "" before.
	CredentialID string
}

// Percent is the share of the needed credentials held, 0–100.
func (p *PathwayProgress) Percent() int {
	if p.Need == 0 {
		return 0
	}
	return min(100, len(p.Held)*100/p.Need)
}

// PathwayCredential is the credential a learner received for completing a pathway; at most
// one exists per pathway and learner (e-mail). It is reserved (pending, id fixed) and then
// signed and stored, as issued POK credentials are.
type PathwayCredential struct {
	ID           int64
	PathwayID    int64
	OrgID        int64
	Email        string
	CredentialID string   // urn:uuid:…
	Stacked      []string // ids of the POK credentials it references
	State        string   // CredentialPending or CredentialIssued
	Signed       []byte
	Reserved     time.Time
	IssuedAt     *time.Time
}

// PathwayService stores pathways and their credentials.
type PathwayService interface {
	// CreatePathway stores a new pathway of p.OrgID. EFORBIDDEN ("err.pathway.forbidden")
	// unless userID is a designer or org admin of the organisation; EINVALID
	// (ValidatePathway; "err.pathway.unknown_member" for a POK that is not a published POK
	// of the organisation).
	CreatePathway(ctx context.Context, p *Pathway, userID int64) error
	// UpdatePathway replaces the definition of p.ID in p.OrgID; as CreatePathway, and
	// ENOTFOUND when the organisation has no such pathway.
	UpdatePathway(ctx context.Context, p *Pathway, userID int64) error
	// Pathway returns one pathway by id (any organisation: pathways are public). ENOTFOUND.
	Pathway(ctx context.Context, id int64) (*Pathway, error)
	// Pathways lists an organisation's pathways, newest first.
	Pathways(ctx context.Context, orgID int64) ([]*Pathway, error)
	// PathwaysWithMember lists the organisation's pathways that have the POK as a member.
	PathwaysWithMember(ctx context.Context, orgID, mcID int64) ([]*Pathway, error)
	// PathwayProgress returns the progress of every learner holding at least one member
	// credential of the pathway, by e-mail; with email set, only that learner's (possibly
	// with nothing held).
	PathwayProgress(ctx context.Context, p *Pathway, email string) ([]*PathwayProgress, error)
	// ReservePathwayCredential returns the learner's pathway credential, first inserting a
	// pending one with a new id and the stacked credential ids when none exists: one per
	// pathway and learner whatever runs it. created is false when it existed.
	ReservePathwayCredential(ctx context.Context, c *PathwayCredential) (got *PathwayCredential, created bool, err error)
	// StorePathwayCredential stores the signed credential of a pending reservation and, in
	// the same transaction, queues mail (when not nil; kept in the outbox when outbox) to
	// tell the learner; it reports false (and changes and sends nothing) when it was
	// already issued.
	StorePathwayCredential(ctx context.Context, id int64, signed []byte, mail *Mail, outbox bool) (bool, error)
	// PathwayCredentialsOfEmail lists the pathway credentials issued to an address.
	PathwayCredentialsOfEmail(ctx context.Context, email string) ([]*PathwayCredential, error)
}
