package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
)

// regSection is one list on the participants page: seats, waitlist or cancelled.
type regSection struct {
	Kind string
	Regs []*pokot.Registration
}

type participantsData struct {
	*offeringCtx
	Base     string
	Sections []regSection
	Error    string // catalog key of a refused cancellation
}

// participants lists an offering's learners: the seats in order of arrival, the waitlist
// in order, and the cancelled ones.
func (s *server) participants(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	return s.renderParticipants(w, r, http.StatusOK, oc, ds, "")
}

func (s *server) renderParticipants(w http.ResponseWriter, r *http.Request, status int, oc *offeringCtx, ds deliveryStore, errKey string) error {
	regs, err := ds.Participants(r.Context(), oc.Org.ID, oc.Offering.ID, true)
	if err != nil {
		return err
	}
	d := participantsData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), Error: errKey,
		Sections: []regSection{{Kind: "seats"}, {Kind: "waitlist"}, {Kind: "cancelled"}}}
	for _, reg := range regs {
		i := 2
		switch reg.Status {
		case pokot.RegRegistered:
			i = 0
		case pokot.RegWaitlisted:
			i = 1
		}
		d.Sections[i].Regs = append(d.Sections[i].Regs, shownReg(reg, st(r).lang))
	}
	return s.render(w, r, status, "registrationparticipants", d, nil)
}

// participantsCSV exports the participants as a CSV that Excel opens as it is, with
// headers and statuses in the user's language.
func (s *server) participantsCSV(w http.ResponseWriter, r *http.Request) error {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return err
	}
	regs, err := ds.Participants(r.Context(), oc.Org.ID, oc.Offering.ID, true)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+participantsFile[st(r).lang]+`-`+strconv.FormatInt(oc.Offering.ID, 10)+`.csv"`)
	h.Set("Cache-Control", "no-store")
	shown := make([]*pokot.Registration, len(regs))
	for i, reg := range regs {
		// A deleted learner's placeholder address is not exported: the cell stays empty.
		shown[i] = shownReg(reg, st(r).lang)
	}
	return pokot.WriteParticipantsCSV(w, shown, st(r).lang)
}

// participantsFile is the name of the CSV export in each language.
var participantsFile = map[pokot.Lang]string{pokot.Finnish: "osallistujat", pokot.Swedish: "deltagare", pokot.English: "participants"}

// staffCancelData is the data of the page that asks staff to confirm a cancellation.
type staffCancelData struct {
	*offeringCtx
	Base string
	Reg  *pokot.Registration
	Next *pokot.Registration // the first in the waitlist, who gets the seat; nil when none
}

// staffCancelTarget loads the registration {reg} of the offering for staff who may cancel it.
func (s *server) staffCancelTarget(r *http.Request) (*offeringCtx, deliveryStore, *pokot.Registration, error) {
	oc, ds, err := s.loadOffering(r)
	if err != nil {
		return nil, nil, nil, err
	}
	if !oc.CanEdit {
		return nil, nil, nil, forbidden()
	}
	id, err := strconv.ParseInt(r.PathValue("reg"), 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, nil, notFoundErr()
	}
	reg, err := ds.Registration(r.Context(), oc.Org.ID, id)
	if err != nil {
		return nil, nil, nil, err
	}
	if reg.OfferingID != oc.Offering.ID {
		return nil, nil, nil, notFoundErr()
	}
	return oc, ds, reg, nil
}

// staffCancelForm asks for confirmation before a learner's registration is cancelled: it
// names the learner and says who on the waitlist gets the seat. A plain form, no script.
func (s *server) staffCancelForm(w http.ResponseWriter, r *http.Request) error {
	oc, ds, reg, err := s.staffCancelTarget(r)
	if err != nil {
		return err
	}
	return s.renderStaffCancel(w, r, oc, ds, reg)
}

func (s *server) renderStaffCancel(w http.ResponseWriter, r *http.Request, oc *offeringCtx, ds deliveryStore, reg *pokot.Registration) error {
	if reg.Status == pokot.RegCancelled {
		return s.renderParticipants(w, r, http.StatusConflict, oc, ds, "err.reg.cancelled")
	}
	d := staffCancelData{offeringCtx: oc, Base: offeringBase(oc.Org, oc.Offering.ID), Reg: shownReg(reg, st(r).lang)}
	if reg.Status == pokot.RegRegistered {
		regs, err := ds.Participants(r.Context(), oc.Org.ID, oc.Offering.ID, false)
		if err != nil {
			return err
		}
		for _, o := range regs {
			if o.Status == pokot.RegWaitlisted && (d.Next == nil || o.Position < d.Next.Position) {
				d.Next = o
			}
		}
	}
	return s.render(w, r, http.StatusOK, "registrationstaffcancel", d, nil)
}

// staffCancel cancels a learner's registration for the organisation once confirmed on the
// page of staffCancelForm (a POST without confirm=yes shows that page instead); the first
// learner in the waitlist moves up and is told by e-mail.
func (s *server) staffCancel(w http.ResponseWriter, r *http.Request) error {
	oc, ds, reg, err := s.staffCancelTarget(r)
	if err != nil {
		return err
	}
	if r.PostFormValue("confirm") != "yes" {
		return s.renderStaffCancel(w, r, oc, ds, reg)
	}
	_, promoted, err := ds.CancelRegistration(r.Context(), oc.Org.ID, reg.ID, s.now())
	var e *pokot.Error
	if errors.As(err, &e) && e.Code == pokot.ECONFLICT {
		return s.renderParticipants(w, r, http.StatusConflict, oc, ds, e.Key)
	} else if err != nil {
		return err
	}
	if err := s.mailPromoted(r, promoted); err != nil {
		return err
	}
	key := "flash.reg.cancelled"
	if promoted != nil {
		key = "flash.reg.cancelled_promoted"
	}
	s.redirectFlash(w, r, offeringBase(oc.Org, oc.Offering.ID)+"/participants", key)
	return nil
}
