// Package pathway completes stackable pathways (issue 5): it works out a learner's progress
// toward a pathway from the POK credentials they hold, and issues the pathway credential —
// an Open Badges 3.0 credential signed in the organisation's name that references the POK
// credentials it stacks — exactly once per pathway and learner.
//
// Wiring: the issuing worker calls AfterIssuedChunk with the credentials of each chunk it
// has stored (after issuing's CompleteIssuance); serve builds the Service with New(db,
// issuer, cfg.BaseURL) and sets Outbox like issuing.Options.Outbox. The pathway credential
// is keyed UNIQUE (pathway, learner), so a hook run twice, or lost to a crash, does no
// harm: the learner's page (web, GET /pathways/{id}) and saving a pathway (Sweep) issue
// whatever is still owed.
package pathway

import (
	"context"
	"fmt"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuer"
)

// Store is the storage the Service needs; *sqldb.DB implements it.
type Store interface {
	pokot.PathwayService
	OrgByID(ctx context.Context, id int64) (*pokot.Organisation, error)
	Offering(ctx context.Context, orgID, id int64) (*pokot.Offering, error)
	Microcredential(ctx context.Context, orgID, id int64) (*pokot.Microcredential, error)
	MicrocredentialVersion(ctx context.Context, orgID, mcID int64, number int) (*pokot.MicrocredentialVersion, error)
}

// Service checks completion and issues pathway credentials. It is safe for concurrent use.
type Service struct {
	store   Store
	issuer  *issuer.Service
	baseURL string
	// Outbox keeps the learners' e-mails in the outbox (no SMTP server), as
	// issuing.Options.Outbox does.
	Outbox bool
}

// New returns a Service; baseURL is the platform's public URL (pokot.Config.BaseURL), from
// which pathway achievement ids and credential links are made.
func New(store Store, iss *issuer.Service, baseURL string) *Service {
	return &Service{store: store, issuer: iss, baseURL: strings.TrimRight(baseURL, "/")}
}

// AchievementID is the id of a pathway's achievement: its public page.
func (s *Service) AchievementID(p *pokot.Pathway) string {
	return fmt.Sprintf("%s/pathways/%d", s.baseURL, p.ID)
}

// AfterIssued is the hook the issuing worker calls after it stored an issued POK
// credential: for every pathway of the issuing organisation that has the credential's POK
// as a member, it issues the pathway credential when the learner has now completed it. It
// returns the pathway credentials issued by this call (none when they existed already), so
// calling it again — after a crash, a retry, or from two workers — issues nothing twice.
// Only the credential's organisation, offering and e-mail are used: what counts is read
// from the database (issued, not revoked or suspended), so the worker may pass the
// reservation it holds, whose in-memory State still says pending.
func (s *Service) AfterIssued(ctx context.Context, c *pokot.IssuedCredential) ([]*pokot.PathwayCredential, error) {
	if c == nil || c.RevokedAt != nil || c.SuspendedAt != nil {
		return nil, nil
	}
	o, err := s.store.Offering(ctx, c.OrgID, c.OfferingID)
	if err != nil {
		return nil, err
	}
	ps, err := s.store.PathwaysWithMember(ctx, c.OrgID, o.MicrocredentialID)
	if err != nil {
		return nil, err
	}
	return s.complete(ctx, ps, c.Email, c.Name, c.Lang)
}

// AfterIssuedChunk is AfterIssued for a chunk of credentials stored together, as the
// issuing worker stores them: the pathways of each offering's POK are read once, so a chunk
// whose POK is in no pathway costs two reads in all.
func (s *Service) AfterIssuedChunk(ctx context.Context, cs []*pokot.IssuedCredential) ([]*pokot.PathwayCredential, error) {
	type key struct{ org, offering int64 }
	paths := map[key][]*pokot.Pathway{}
	var out []*pokot.PathwayCredential
	for _, c := range cs {
		if c == nil || c.RevokedAt != nil || c.SuspendedAt != nil {
			continue
		}
		k := key{c.OrgID, c.OfferingID}
		ps, seen := paths[k]
		if !seen {
			o, err := s.store.Offering(ctx, c.OrgID, c.OfferingID)
			if err != nil {
				return out, err
			}
			if ps, err = s.store.PathwaysWithMember(ctx, c.OrgID, o.MicrocredentialID); err != nil {
				return out, err
			}
			paths[k] = ps
		}
		if len(ps) == 0 {
			continue
		}
		got, err := s.complete(ctx, ps, c.Email, c.Name, c.Lang)
		out = append(out, got...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// CheckLearner issues every pathway credential of the organisation that the learner has
// completed and not yet received; safe to call any time (e.g. when their progress is shown).
func (s *Service) CheckLearner(ctx context.Context, orgID int64, email string) ([]*pokot.PathwayCredential, error) {
	ps, err := s.store.Pathways(ctx, orgID)
	if err != nil {
		return nil, err
	}
	return s.complete(ctx, ps, email, "", "")
}

// Sweep issues the pathway credential to every learner who has completed p and lacks it,
// e.g. after a pathway was defined for POKs that learners already hold.
func (s *Service) Sweep(ctx context.Context, p *pokot.Pathway) ([]*pokot.PathwayCredential, error) {
	prs, err := s.store.PathwayProgress(ctx, p, "")
	if err != nil {
		return nil, err
	}
	var out []*pokot.PathwayCredential
	for _, pr := range prs {
		if pr.Complete && pr.CredentialID == "" {
			c, err := s.issue(ctx, p, pr, "", "")
			if err != nil {
				return out, err
			}
			if c != nil {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

func (s *Service) complete(ctx context.Context, ps []*pokot.Pathway, email, name string, lang pokot.Lang) ([]*pokot.PathwayCredential, error) {
	var out []*pokot.PathwayCredential
	for _, p := range ps {
		prs, err := s.store.PathwayProgress(ctx, p, email)
		if err != nil {
			return out, err
		}
		if len(prs) == 0 || !prs[0].Complete || prs[0].CredentialID != "" {
			continue
		}
		c, err := s.issue(ctx, p, prs[0], name, lang)
		if err != nil {
			return out, err
		}
		if c != nil {
			out = append(out, c)
		}
	}
	return out, nil
}

// issue reserves the learner's pathway credential (one per pathway and learner, by the
// store's unique key), signs it and stores it. It returns nil when another call had
// already issued it.
func (s *Service) issue(ctx context.Context, p *pokot.Pathway, pr *pokot.PathwayProgress, name string, lang pokot.Lang) (*pokot.PathwayCredential, error) {
	stacked := make([]string, len(pr.Held))
	for i, h := range pr.Held {
		stacked[i] = h.CredentialID
	}
	c, _, err := s.store.ReservePathwayCredential(ctx, &pokot.PathwayCredential{PathwayID: p.ID, OrgID: p.OrgID,
		Email: pr.Email, CredentialID: "urn:uuid:" + newUUID(), Stacked: stacked})
	if err != nil {
		return nil, err
	}
	if c.State == pokot.CredentialIssued {
		return nil, nil
	}
	org, err := s.store.OrgByID(ctx, p.OrgID)
	if err != nil {
		return nil, err
	}
	titles, err := s.titles(ctx, p.OrgID, pr.Held)
	if err != nil {
		return nil, err
	}
	doc, err := s.Build(p, c, name, titles)
	if err != nil {
		return nil, err
	}
	signed, err := s.issuer.Sign(ctx, org, doc)
	if err != nil {
		return nil, err
	}
	b, err := marshal(signed)
	if err != nil {
		return nil, err
	}
	ok, err := s.store.StorePathwayCredential(ctx, c.ID, b, s.mail(p, org, pr.Email, name, lang), s.Outbox)
	if err != nil || !ok {
		return nil, err
	}
	c.State, c.Signed = pokot.CredentialIssued, b
	return c, nil
}

// titles returns the published titles of the POKs of held credentials, by credential id.
func (s *Service) titles(ctx context.Context, orgID int64, held []pokot.PathwayHolding) (map[string]pokot.Text, error) {
	out := map[string]pokot.Text{}
	for _, h := range held {
		mc, err := s.store.Microcredential(ctx, orgID, h.MicrocredentialID)
		if err != nil {
			return nil, err
		}
		n := mc.PublishedVersion
		if n == 0 {
			n = mc.CurrentVersion
		}
		v, err := s.store.MicrocredentialVersion(ctx, orgID, mc.ID, n)
		if err != nil {
			return nil, err
		}
		out[h.CredentialID] = v.Content.Title
	}
	return out, nil
}
