package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/pathway"
)

// pathwayStore is what stackable pathways need from storage (issue 5); sqldb implements it.
type pathwayStore interface {
	pathway.Store
	pokot.MicrocredentialService
}

func (s *server) pathwayStore() (pathwayStore, error) {
	ps, ok := s.store.(pathwayStore)
	if !ok {
		return nil, errors.New("web: the store does not implement pathways")
	}
	return ps, nil
}

// pathwayService returns the service that issues pathway credentials, nil when the site
// has no issuer (progress is then shown, nothing issued).
func (s *server) pathwayService(ps pathwayStore) *pathway.Service {
	if s.issuer == nil {
		return nil
	}
	svc := pathway.New(ps, s.issuer, s.cfg.BaseURL)
	// The mail queue says whether e-mails stay in the outbox (no SMTP server).
	if q, ok := s.mailer.(interface{ Outbox() bool }); ok {
		svc.Outbox = q.Outbox()
	}
	return svc
}

// pathwayMember is a member POK as pages show it.
type pathwayMember struct {
	ID    int64
	Title pokot.Text
	Held  bool // by the signed-in learner
}

// pathwayMembers returns the pathway's POKs with their published titles.
func pathwayMembers(r *http.Request, ps pathwayStore, p *pokot.Pathway) ([]pathwayMember, error) {
	out := make([]pathwayMember, 0, len(p.Members))
	for _, id := range p.Members {
		mc, err := ps.Microcredential(r.Context(), p.OrgID, id)
		if err != nil {
			return nil, err
		}
		m := pathwayMember{ID: id}
		if mc.PublishedVersion > 0 {
			v, err := ps.MicrocredentialVersion(r.Context(), p.OrgID, id, mc.PublishedVersion)
			if err != nil {
				return nil, err
			}
			m.Title = v.Content.Title
		}
		out = append(out, m)
	}
	return out, nil
}

// pathwayID parses {id}.
func pathwayID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, notFoundErr()
	}
	return id, nil
}

// publicPathwayData is the public page of a pathway.
type publicPathwayData struct {
	Pathway  *pokot.Pathway
	Org      *pokot.Organisation
	Members  []pathwayMember
	Progress *pokot.PathwayProgress // the signed-in learner's, nil when signed out
}

// publicPathway is GET /pathways/{id}: the definition for anyone, and for a signed-in
// learner their progress. A learner who has completed the pathway but has no credential
// yet (e.g. the pathway was defined after they earned its POKs) receives it here.
func (s *server) publicPathway(w http.ResponseWriter, r *http.Request) error {
	id, err := pathwayID(r)
	if err != nil {
		return err
	}
	ps, err := s.pathwayStore()
	if err != nil {
		return err
	}
	ctx := r.Context()
	p, err := ps.Pathway(ctx, id)
	if err != nil {
		return err
	}
	org, err := s.store.OrgByID(ctx, p.OrgID)
	if err != nil {
		return err
	}
	d := &publicPathwayData{Pathway: p, Org: org}
	if d.Members, err = pathwayMembers(r, ps, p); err != nil {
		return err
	}
	if u := st(r).user; u != nil {
		if d.Progress, err = s.learnerProgress(r, ps, p, u.Email); err != nil {
			return err
		}
		held := map[int64]bool{}
		for _, h := range d.Progress.Held {
			held[h.MicrocredentialID] = true
		}
		for i := range d.Members {
			d.Members[i].Held = held[d.Members[i].ID]
		}
	}
	return s.render(w, r, http.StatusOK, "pathway", d, nil)
}

// learnerProgress reads a learner's progress, issuing the credential first when they have
// completed the pathway without one.
func (s *server) learnerProgress(r *http.Request, ps pathwayStore, p *pokot.Pathway, email string) (*pokot.PathwayProgress, error) {
	prs, err := ps.PathwayProgress(r.Context(), p, email)
	if err != nil {
		return nil, err
	}
	pr := prs[0]
	if svc := s.pathwayService(ps); svc != nil && pr.Complete && pr.CredentialID == "" {
		if _, err := svc.CheckLearner(r.Context(), p.OrgID, email); err != nil {
			return nil, err
		}
		if prs, err = ps.PathwayProgress(r.Context(), p, email); err != nil {
			return nil, err
		}
		pr = prs[0]
	}
	return pr, nil
}

// pathwayCredentialJSON is GET /pathways/{id}/credential.json: the signed-in learner's own
// pathway credential.
func (s *server) pathwayCredentialJSON(w http.ResponseWriter, r *http.Request) error {
	id, err := pathwayID(r)
	if err != nil {
		return err
	}
	ps, err := s.pathwayStore()
	if err != nil {
		return err
	}
	cs, err := ps.PathwayCredentialsOfEmail(r.Context(), st(r).user.Email)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.PathwayID == id {
			w.Header().Set("Content-Type", "application/vc+ld+json")
			w.Header().Set("Content-Disposition", `attachment; filename="pathway-`+strconv.FormatInt(id, 10)+`.json"`)
			w.Header().Set("Cache-Control", "no-store")
			_, err := w.Write(c.Signed)
			return err
		}
	}
	return notFoundErr()
}
