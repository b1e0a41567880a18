package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/pokot/pokot"
)

// deliveryStore is pokot.DeliveryStore under a short name.
type deliveryStore = pokot.DeliveryStore

// delivery returns the store as a deliveryStore.
func (s *server) delivery() (deliveryStore, error) {
	d, ok := s.store.(deliveryStore)
	if !ok {
		return nil, errors.New("web: the store does not implement offerings, registrations, assessments and issuing")
	}
	return d, nil
}

// offeringRoles may open an organisation's offerings (pokot.OfferingRoles).
var offeringRoles = pokot.OfferingRoles

// offeringCtx is an organisation's offering with its POK, as every staff page needs it.
type offeringCtx struct {
	Org      *pokot.Organisation
	Roles    []pokot.Role
	Offering *pokot.Offering
	POK      *pokot.Microcredential
	Version  *pokot.MicrocredentialVersion
	// CanEdit: designers and org admins; CanAssess: the offering's assessors and org admins.
	CanEdit, CanAssess bool
}

// loadOffering checks access to {slug} and loads offering {id} of it.
func (s *server) loadOffering(r *http.Request) (*offeringCtx, deliveryStore, error) {
	o, roles, err := s.orgAccess(r, offeringRoles...)
	if err != nil {
		return nil, nil, err
	}
	ds, err := s.delivery()
	if err != nil {
		return nil, nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, notFoundErr()
	}
	ctx := r.Context()
	off, err := ds.Offering(ctx, o.ID, id)
	if err != nil {
		return nil, nil, err
	}
	mc, err := s.store.Microcredential(ctx, o.ID, off.MicrocredentialID)
	if err != nil {
		return nil, nil, err
	}
	v, err := s.store.MicrocredentialVersion(ctx, o.ID, off.MicrocredentialID, off.Version)
	if err != nil {
		return nil, nil, err
	}
	u := st(r).user
	oc := &offeringCtx{Org: o, Roles: roles, Offering: off, POK: mc, Version: v}
	oc.CanEdit = u.Admin || pokot.CanDesign(roles)
	oc.CanAssess = u.Admin || slices.Contains(roles, pokot.RoleOrgAdmin) || slices.Contains(off.Assessors, u.ID)
	return oc, ds, nil
}

// offeringBase is the address of an offering's staff pages.
func offeringBase(o *pokot.Organisation, id int64) string {
	return "/orgs/" + o.Slug + "/offerings/" + strconv.FormatInt(id, 10)
}

// pokOfferings is one published POK with its offerings on the list page.
type pokOfferings struct {
	POK       *pokot.Microcredential
	Offerings []*pokot.Offering
}

type offeringsData struct {
	Org     *pokot.Organisation
	CanEdit bool
	POKs    []pokOfferings
	// Only is set when the list is of one POK (?pok=).
	Only *pokot.Microcredential
}

// offerings lists the organisation's published POKs, each with its offerings; ?pok= shows
// one POK.
func (s *server) offerings(w http.ResponseWriter, r *http.Request) error {
	o, roles, err := s.orgAccess(r, offeringRoles...)
	if err != nil {
		return err
	}
	ds, err := s.delivery()
	if err != nil {
		return err
	}
	ctx := r.Context()
	mcs, err := s.store.Microcredentials(ctx, o.ID, "")
	if err != nil {
		return err
	}
	d := offeringsData{Org: o, CanEdit: st(r).user.Admin || pokot.CanDesign(roles)}
	only, _ := strconv.ParseInt(r.URL.Query().Get("pok"), 10, 64)
	for _, mc := range mcs {
		if mc.PublishedVersion == 0 || (only != 0 && mc.ID != only) {
			continue
		}
		if mc.Published == nil {
			if mc.Published, err = s.store.MicrocredentialVersion(ctx, o.ID, mc.ID, mc.PublishedVersion); err != nil {
				return err
			}
		}
		offs, err := ds.OfferingsOf(ctx, o.ID, mc.ID)
		if err != nil {
			return err
		}
		d.POKs = append(d.POKs, pokOfferings{POK: mc, Offerings: offs})
		if only != 0 {
			d.Only = mc
		}
	}
	if only != 0 && d.Only == nil {
		return notFoundErr()
	}
	return s.render(w, r, http.StatusOK, "offerings", d, nil)
}

type offeringPageData struct {
	*offeringCtx
	Base       string
	PublicURL  string
	Price      string // in euros with the language's decimal mark
	Batches    []*pokot.IssueBatch
	Issued     int
	Assessors  []*pokot.User
	Registered []*pokot.Registration
}

// offeringPage is an offering's staff overview: its facts and the way to participants,
// assessment and issuing.
func (s *server) offeringPage(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d := offeringPageData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), PublicURL: publicOfferingURL(oc.Offering),
		Price: formatEuros(oc.Offering.PriceCents, st(r).lang)}
	if d.Batches, err = ds.IssueBatches(ctx, oc.Org.ID, oc.Offering.ID); err != nil {
		return err
	}
	cs, err := ds.IssuedCredentials(ctx, oc.Org.ID, oc.Offering.ID)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.State == pokot.CredentialIssued {
			d.Issued++
		}
	}
	for _, id := range oc.Offering.Assessors {
		u, err := s.store.UserByID(ctx, id)
		if err != nil {
			return err
		}
		d.Assessors = append(d.Assessors, u)
	}
	return s.render(w, r, http.StatusOK, "offering", d, nil)
}

// publicOfferingURL is the public page of an offering, reached from the catalogue.
func publicOfferingURL(o *pokot.Offering) string {
	return "/microcredentials/" + strconv.FormatInt(o.MicrocredentialID, 10) + "/offerings/" + strconv.FormatInt(o.ID, 10)
}
