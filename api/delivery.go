package api

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/pokot/pokot"
)

// The delivery endpoints (issue 5): an organisation's offerings, their participants,
// assessments, issued credentials and their status. Who may do what is the web pages'
// rule: the organisation's administrators, designers and assessors read; the offering's
// assessors and org admins assess, issue and change a credential's status (the services
// check the first two themselves); designers and org admins manage offerings.

// deliveryStore is pokot.DeliveryStore under a short name.
type deliveryStore = pokot.DeliveryStore

// delivery returns the store as a deliveryStore; a store without it is an internal error.
func (a *API) delivery() (deliveryStore, error) {
	d, ok := a.store.(deliveryStore)
	if !ok {
		return nil, errors.New("api: the store does not implement offerings, registrations, assessments and issuing")
	}
	return d, nil
}

// offeringRoles may open an organisation's offerings (pokot.OfferingRoles).
var offeringRoles = pokot.OfferingRoles

// deliveryAccess is orgAccess for the delivery endpoints: EFORBIDDEN unless the caller is
// an org admin, designer or assessor of the organisation, or a platform administrator.
func (a *API) deliveryAccess(r *http.Request, u *pokot.User) (*access, deliveryStore, error) {
	ac, err := a.orgAccess(r, u)
	if err != nil {
		return nil, nil, err
	}
	if !u.Admin && !slices.ContainsFunc(ac.roles, func(r pokot.Role) bool { return slices.Contains(offeringRoles, r) }) {
		return nil, nil, &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.offering.staff_only",
			Message: "only the organisation's administrators, designers and assessors may see its offerings"}
	}
	ds, err := a.delivery()
	return ac, ds, err
}

// offeringCtx is one offering of the caller's organisation.
type offeringCtx struct {
	*access
	ds       deliveryStore
	offering *pokot.Offering
	// canAssess: the offering's assessors, org admins and platform admins (web's CanAssess).
	canAssess bool
}

// loadOffering reads offering {id} of organisation {slug}. An id of another
// organisation's offering is ENOTFOUND, like an id that does not exist.
func (a *API) loadOffering(r *http.Request, u *pokot.User) (*offeringCtx, error) {
	ac, ds, err := a.deliveryAccess(r, u)
	if err != nil {
		return nil, err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return nil, offeringNotFound()
	}
	o, err := ds.Offering(r.Context(), ac.org.ID, id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND || (err == nil && o.OrgID != ac.org.ID) {
		return nil, offeringNotFound()
	}
	if err != nil {
		return nil, err
	}
	oc := &offeringCtx{access: ac, ds: ds, offering: o}
	oc.canAssess = u.Admin || slices.Contains(ac.roles, pokot.RoleOrgAdmin) || slices.Contains(o.Assessors, u.ID)
	return oc, nil
}

func offeringNotFound() error {
	return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.offering.not_found", Message: "no such offering"}
}

// offeringJSON is an offering in API responses. Starts and ends are calendar dates.
type offeringJSON struct {
	ID                 int64        `json:"id"`
	Microcredential    int64        `json:"microcredential"`
	Version            int          `json:"version"`
	Title              pokot.Text   `json:"title,omitempty"`
	Starts             string       `json:"starts"`
	Ends               string       `json:"ends"`
	Schedule           pokot.Text   `json:"schedule,omitempty"`
	Place              pokot.Text   `json:"place,omitempty"`
	Online             bool         `json:"online"`
	Language           string       `json:"language"`
	Capacity           int          `json:"capacity"`
	Registered         int          `json:"registered"`
	Waitlisted         int          `json:"waitlisted"`
	FreeSeats          int          `json:"freeSeats"`
	RegistrationOpens  time.Time    `json:"registrationOpens"`
	RegistrationCloses time.Time    `json:"registrationCloses"`
	RegistrationOpen   bool         `json:"registrationOpen"`
	PriceCents         int64        `json:"priceCents"`
	JotpaCaseNumber    string       `json:"jotpaCaseNumber,omitempty"`
	AutoIssue          bool         `json:"autoIssue"`
	Assessors          []personJSON `json:"assessors,omitempty"`
	Created            time.Time    `json:"created"`
	Updated            time.Time    `json:"updated"`
	URL                string       `json:"url"`
}

// personJSON is a member named in a response.
type personJSON struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

func (a *API) toOfferingJSON(org *pokot.Organisation, o *pokot.Offering, title pokot.Text) offeringJSON {
	return offeringJSON{ID: o.ID, Microcredential: o.MicrocredentialID, Version: o.Version, Title: title,
		Starts: o.Starts.Format(time.DateOnly), Ends: o.Ends.Format(time.DateOnly), Schedule: o.Schedule, Place: o.Place,
		Online: o.Online, Language: o.Language, Capacity: o.Capacity, Registered: o.Registered, Waitlisted: o.Waitlisted,
		FreeSeats: o.FreeSeats(), RegistrationOpens: o.RegistrationOpens.UTC(), RegistrationCloses: o.RegistrationCloses.UTC(),
		RegistrationOpen: o.RegistrationOpenAt(a.now()), PriceCents: o.PriceCents, JotpaCaseNumber: o.JotpaCaseNumber,
		AutoIssue: o.AutoIssue, Created: o.Created.UTC(), Updated: o.Updated.UTC(), URL: a.offeringURL(org, o.ID)}
}

// offeringURL is the API address of an offering.
func (a *API) offeringURL(org *pokot.Organisation, id int64) string {
	return a.cfg.BaseURL + "/api/v1/orgs/" + url.PathEscape(org.Slug) + "/offerings/" + strconv.FormatInt(id, 10)
}

// offerings is GET /api/v1/orgs/{slug}/offerings: the offerings of the organisation's
// published POKs, earliest start first within each POK; ?microcredential= keeps one POK's.
func (a *API) offerings(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	ac, ds, err := a.deliveryAccess(r, u)
	if err != nil {
		return err
	}
	pg, ok := readPage(w, r, "microcredential")
	if !ok {
		return nil
	}
	only := int64(0)
	if s := r.URL.Query().Get("microcredential"); s != "" {
		if only, err = strconv.ParseInt(s, 10, 64); err != nil || only < 1 {
			badQuery(w, map[string][]string{"microcredential": {"microcredential is the id of a POK"}})
			return nil
		}
	}
	ctx := r.Context()
	mcs, err := a.store.Microcredentials(ctx, ac.org.ID, "")
	if err != nil {
		return err
	}
	out := []offeringJSON{}
	for _, mc := range mcs {
		if mc.OrgID != ac.org.ID || mc.PublishedVersion == 0 || (only != 0 && mc.ID != only) {
			continue
		}
		offs, err := ds.OfferingsOf(ctx, ac.org.ID, mc.ID)
		if err != nil {
			return err
		}
		titles := map[int]pokot.Text{} // by version: an offering runs the version published when it was made
		if mc.Published != nil {
			titles[mc.PublishedVersion] = mc.Published.Content.Title
		}
		for _, o := range offs {
			if o.OrgID != ac.org.ID { // defence in depth: never another tenant's offerings
				continue
			}
			if _, ok := titles[o.Version]; !ok {
				v, err := a.store.MicrocredentialVersion(ctx, ac.org.ID, mc.ID, o.Version)
				if err != nil && pokot.ErrorCode(err) != pokot.ENOTFOUND {
					return err
				}
				if err == nil {
					titles[o.Version] = v.Content.Title
				}
			}
			out = append(out, a.toOfferingJSON(ac.org, o, titles[o.Version]))
		}
	}
	writePage(w, pg, out)
	return nil
}

// offering is GET /api/v1/orgs/{slug}/offerings/{id}: the offering with its seats,
// registration window and assessors.
func (a *API) offering(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var title pokot.Text
	if v, err := a.store.MicrocredentialVersion(ctx, oc.org.ID, oc.offering.MicrocredentialID, oc.offering.Version); err == nil {
		title = v.Content.Title
	} else if pokot.ErrorCode(err) != pokot.ENOTFOUND {
		return err
	}
	j := a.toOfferingJSON(oc.org, oc.offering, title)
	j.Assessors = []personJSON{}
	for _, id := range oc.offering.Assessors {
		p, err := a.store.UserByID(ctx, id)
		if pokot.ErrorCode(err) == pokot.ENOTFOUND {
			continue // the account was deleted
		}
		if err != nil {
			return err
		}
		j.Assessors = append(j.Assessors, personJSON{ID: p.ID, Email: p.Email, Name: p.Name})
	}
	writeJSON(w, http.StatusOK, j)
	return nil
}

// participantJSON is one registration of an offering.
type participantJSON struct {
	ID        int64      `json:"id"`
	Email     string     `json:"email"`
	Name      string     `json:"name"`
	Lang      string     `json:"lang"`
	Status    string     `json:"status"`             // registered, waitlisted, cancelled
	Position  int        `json:"position,omitempty"` // in the waitlist, from 1
	Confirmed *time.Time `json:"confirmed,omitempty"`
	Cancelled *time.Time `json:"cancelled,omitempty"`
	Created   time.Time  `json:"created"`
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// participants is GET /api/v1/orgs/{slug}/offerings/{id}/participants: seats in order of
// arrival, then the waitlist in order; ?cancelled=true adds the cancelled ones.
func (a *API) participants(w http.ResponseWriter, r *http.Request, u *pokot.User) error {
	oc, err := a.loadOffering(r, u)
	if err != nil {
		return err
	}
	pg, ok := readPage(w, r, "cancelled")
	if !ok {
		return nil
	}
	cancelled := false
	switch r.URL.Query().Get("cancelled") {
	case "", "false":
	case "true":
		cancelled = true
	default:
		badQuery(w, map[string][]string{"cancelled": {"cancelled is true or false"}})
		return nil
	}
	regs, err := oc.ds.Participants(r.Context(), oc.org.ID, oc.offering.ID, cancelled)
	if err != nil {
		return err
	}
	out := []participantJSON{}
	for _, g := range regs {
		if g.OrgID != oc.org.ID || g.OfferingID != oc.offering.ID {
			continue
		}
		j := participantJSON{ID: g.ID, Email: g.Email, Name: g.Name, Lang: string(g.Lang), Status: g.Status,
			Confirmed: utcPtr(g.ConfirmedAt), Cancelled: utcPtr(g.CancelledAt), Created: g.Created.UTC()}
		if g.Status == pokot.RegWaitlisted {
			j.Position = g.Position
		}
		out = append(out, j)
	}
	writePage(w, pg, out)
	return nil
}
