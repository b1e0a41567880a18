package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/pokot/pokot"
)

// publicOffering is an offering as anyone sees it, from the catalogue.
type publicOffering struct {
	Org      *pokot.Organisation
	POK      *pokot.Microcredential
	Version  *pokot.MicrocredentialVersion
	Offering *pokot.Offering
	// State is "open", "not_open", "closed" or "ended"; Full says new registrations wait.
	State string
	Full  bool
	Mine  *pokot.Registration // the signed-in user's live registration, if any
	Price string              // in euros with the language's decimal mark
}

type offeringPublicData struct {
	*publicOffering
	Form   *form
	Action string
	Error  string // catalog key of a refused registration (nothing was changed)
}

// loadPublicOffering reads /microcredentials/{id}/offerings/{offering}: the offering must
// belong to the POK and deliver its published version, and not have ended.
func (s *server) loadPublicOffering(r *http.Request) (*publicOffering, deliveryStore, error) {
	ds, err := s.delivery()
	if err != nil {
		return nil, nil, err
	}
	mcID, err1 := strconv.ParseInt(r.PathValue("id"), 10, 64)
	offID, err2 := strconv.ParseInt(r.PathValue("offering"), 10, 64)
	if err1 != nil || err2 != nil || mcID <= 0 || offID <= 0 {
		return nil, nil, notFoundErr()
	}
	ctx := r.Context()
	mc, err := s.store.PublishedMicrocredential(ctx, mcID)
	if err != nil {
		return nil, nil, err
	}
	off, err := ds.Offering(ctx, mc.OrgID, offID)
	if err != nil {
		return nil, nil, err
	}
	if off.MicrocredentialID != mc.ID || off.Version != mc.PublishedVersion {
		return nil, nil, notFoundErr()
	}
	org, err := s.store.OrgByID(ctx, mc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	v := mc.Published
	if v == nil {
		if v, err = s.store.MicrocredentialVersion(ctx, mc.OrgID, mc.ID, mc.PublishedVersion); err != nil {
			return nil, nil, err
		}
	}
	p := &publicOffering{Org: org, POK: mc, Version: v, Offering: off, Full: off.FreeSeats() == 0,
		Price: formatEuros(off.PriceCents, st(r).lang)}
	p.State = registrationState(off, s.now())
	if u := st(r).user; u != nil {
		regs, err := ds.RegistrationsOf(ctx, u.ID)
		if err != nil {
			return nil, nil, err
		}
		for _, reg := range regs {
			if reg.OfferingID == off.ID && reg.Status != pokot.RegCancelled {
				p.Mine = reg
				break
			}
		}
	}
	return p, ds, nil
}

// registrationState is "not_open", "closed" or "open": where the offering's registration
// window is at now.
func registrationState(off *pokot.Offering, now time.Time) string {
	switch {
	case now.Before(off.RegistrationOpens):
		return "not_open"
	case now.After(off.RegistrationCloses):
		return "closed"
	}
	return "open"
}

// offeringCard is one offering of a POK as its catalogue page lists it.
type offeringCard struct {
	*pokot.Offering
	URL   string
	State string // as publicOffering.State
	Full  bool
	Price string
}

// pokOfferings lists the offerings of a published POK that have not ended, with their free
// seats, for its catalogue page: this is where a learner finds where to register.
func (s *server) pokOfferings(r *http.Request, mcID int64) ([]offeringCard, error) {
	ds, err := s.delivery()
	if err != nil {
		return nil, nil // a store without delivery has no offerings to list
	}
	offs, err := ds.PublicOfferings(r.Context(), mcID, s.now())
	if err != nil {
		return nil, err
	}
	out := make([]offeringCard, 0, len(offs))
	for _, o := range offs {
		out = append(out, offeringCard{Offering: o, State: registrationState(o, s.now()), Full: o.FreeSeats() == 0,
			URL:   "/microcredentials/" + strconv.FormatInt(mcID, 10) + "/offerings/" + strconv.FormatInt(o.ID, 10),
			Price: formatEuros(o.PriceCents, st(r).lang)})
	}
	return out, nil
}

// offeringPublicPage shows an offering's details, its free seats and the registration form.
func (s *server) offeringPublicPage(w http.ResponseWriter, r *http.Request) error {
	p, _, err := s.loadPublicOffering(r)
	if err != nil {
		return err
	}
	f := newForm("reg", nil)
	if u := st(r).user; u != nil {
		f.Set("name", u.Name)
		f.Set("email", u.Email)
	}
	return s.render(w, r, http.StatusOK, "offeringpublic", offeringPublicData{publicOffering: p, Form: f,
		Action: r.URL.Path + "/register"}, nil)
}
