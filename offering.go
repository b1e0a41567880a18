package pokot

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Offering is one implementation (toteutus) of a published POK version: when and where it
// runs, for how many learners, when registration is open, what it costs and who assesses.
// Starts and Ends are calendar dates (midnight UTC standing for the Helsinki date).
type Offering struct {
	ID                int64
	OrgID             int64
	MicrocredentialID int64
	Version           int // the published version this offering delivers
	Starts, Ends      time.Time
	Schedule          Text   // e.g. "ti 7.10.2025 klo 14–16 ja …"
	Place             Text   // empty when online only
	Online            bool   // taught online (with Place: blended)
	Language          string // language of instruction, ISO 639-1
	Capacity          int    // seats, at least 1
	RegistrationOpens time.Time
	// RegistrationCloses is the last moment a registration is accepted.
	RegistrationCloses time.Time
	PriceCents         int64   // in euro cents; 0 free of charge
	Assessors          []int64 // members of the organisation with the assessor role
	JotpaCaseNumber    string  // Jotpa asianumero, required when the POK is Jotpa-funded
	AutoIssue          bool    // issue as soon as a learner has passed every outcome
	CreatedBy          int64
	Created, Updated   time.Time
	// Filled by reads: seats taken (registered, not cancelled) and learners waiting.
	Registered, Waitlisted int
}

// FreeSeats returns the seats still free, never below zero.
func (o *Offering) FreeSeats() int { return max(o.Capacity-o.Registered, 0) }

// RegistrationOpenAt reports whether registration is open at t.
func (o *Offering) RegistrationOpenAt(t time.Time) bool {
	return !t.Before(o.RegistrationOpens) && !t.After(o.RegistrationCloses)
}

// jotpaCase is the form of a Jotpa case number, e.g. "JOTPA/123/2025" or "VN/1234/2025".
var jotpaCase = regexp.MustCompile(`^[A-Za-z]{2,10}/[0-9]{1,8}/[0-9]{4}$`)

// ValidateOffering checks an offering's own fields; jotpa says whether the POK version is
// Jotpa-funded (then the case number is required). It returns Errors (EINVALID) or nil.
// That the assessors are assessors of the organisation is checked by the store.
func ValidateOffering(o *Offering, jotpa bool) error {
	x := &v{}
	if o.Starts.IsZero() {
		x.add("starts", "err.offering.starts_required", "the start date is required")
	}
	if o.Ends.IsZero() {
		x.add("ends", "err.offering.ends_required", "the end date is required")
	} else if !o.Starts.IsZero() && o.Ends.Before(o.Starts) {
		x.add("ends", "err.offering.ends_before_starts", "the end date is before the start date")
	}
	x.text("schedule", o.Schedule, maxLongText)
	x.text("place", o.Place, maxShortText)
	if !o.Online && o.Place.Empty() {
		x.add("place", "err.offering.place_required", "give a place, or mark the offering online")
	}
	if !langCode.MatchString(o.Language) {
		x.add("language", "err.offering.language_invalid", "the language must be an ISO 639-1 code such as fi")
	}
	if o.Capacity < 1 || o.Capacity > 100000 {
		x.add("capacity", "err.offering.capacity_invalid", "the capacity must be between 1 and 100,000")
	}
	if o.RegistrationOpens.IsZero() || o.RegistrationCloses.IsZero() {
		x.add("registrationCloses", "err.offering.window_required", "the registration window is required")
	} else if !o.RegistrationCloses.After(o.RegistrationOpens) {
		x.add("registrationCloses", "err.offering.window_invalid", "registration must close after it opens")
	}
	if o.PriceCents < 0 || o.PriceCents > 100_000_000 {
		x.add("price", "err.offering.price_invalid", "the price must be between 0 and 1,000,000 euros")
	}
	o.JotpaCaseNumber = strings.TrimSpace(o.JotpaCaseNumber)
	switch {
	case jotpa && o.JotpaCaseNumber == "":
		x.add("jotpaCaseNumber", "err.offering.jotpa_required", "a Jotpa-funded offering needs its Jotpa case number")
	case o.JotpaCaseNumber != "" && !jotpa:
		x.add("jotpaCaseNumber", "err.offering.jotpa_not_funded", "the POK is not Jotpa-funded: leave the case number empty")
	case o.JotpaCaseNumber != "" && !jotpaCase.MatchString(o.JotpaCaseNumber):
		x.add("jotpaCaseNumber", "err.offering.jotpa_invalid", fmt.Sprintf("%q is not a case number like JOTPA/123/2025", o.JotpaCaseNumber))
	}
	seen := map[int64]bool{}
	for _, a := range o.Assessors {
		if seen[a] {
			x.add("assessors", "err.offering.assessor_twice", "an assessor is listed twice")
		}
		seen[a] = true
	}
	return x.errs.Err()
}

// OfferingService stores offerings. Every method takes the organisation.
type OfferingService interface {
	// CreateOffering stores o for the published version of POK o.MicrocredentialID and sets
	// ID, Version, Created and Updated. EFORBIDDEN ("err.offering.forbidden") unless userID
	// is a designer or org admin of o.OrgID; ECONFLICT ("err.offering.not_published") when
	// the POK has no published version; EINVALID (ValidateOffering, and
	// "err.offering.assessor_not_member" for an assessor who is not an assessor of the
	// organisation); ENOTFOUND for a POK of another organisation.
	CreateOffering(ctx context.Context, o *Offering, userID int64) error
	// UpdateOffering saves every field but the POK, version and creator. A capacity below
	// the seats taken is EINVALID ("err.offering.capacity_below_registered"); raising it
	// moves waiting learners up. Errors as CreateOffering.
	UpdateOffering(ctx context.Context, o *Offering, userID int64) error
	// Offering returns one offering with seat counts. ENOTFOUND.
	Offering(ctx context.Context, orgID, id int64) (*Offering, error)
	// OfferingsOf lists the offerings of a POK, earliest start first.
	OfferingsOf(ctx context.Context, orgID, mcID int64) ([]*Offering, error)
	// PublicOfferings lists the offerings of a published POK (any organisation) that have
	// not ended by now, for the catalogue.
	PublicOfferings(ctx context.Context, mcID int64, now time.Time) ([]*Offering, error)
}
