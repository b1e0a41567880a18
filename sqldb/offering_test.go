package sqldb_test

import (
	"errors"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// deliveryWorld is an organisation with a published POK (two learning outcomes), an
// assessor (ville) and an assessor of another organisation (olli).
type deliveryWorld struct {
	*mcWorld
	mc          *pokot.Microcredential
	ville, olli *pokot.User
}

func newDeliveryWorld(t *testing.T, db *sqldb.DB, grading pokot.GradingScheme, jotpa bool) *deliveryWorld {
	t.Helper()
	w := &deliveryWorld{mcWorld: newMCWorld(t, db)}
	c := mcContent("Turvallinen työ", "Säkert arbete", "Safe work")
	c.Outcomes = append(c.Outcomes, pokot.LearningOutcome{
		Text:     pokot.Text{"fi": "Osaa käyttää suojaimia", "en": "Can use protective equipment"},
		Criteria: pokot.Text{"fi": "Käyttää suojaimia oikein"},
	})
	c.Grading = grading
	c.Price.Jotpa = jotpa
	w.mc = w.publish(t, w.org.ID, c)
	w.ville, w.olli = newUser(t, db, "Ville Arvioija"), newUser(t, db, "Olli Ulkopuolinen")
	must(t, db.AddMember(ctx, w.org.ID, w.ville.ID, pokot.RoleAssessor))
	must(t, db.AddMember(ctx, w.other.ID, w.olli.ID, pokot.RoleAssessor))
	return w
}

// offering returns a valid offering of the world's POK, not yet stored.
func (w *deliveryWorld) offering(capacity int) *pokot.Offering {
	return &pokot.Offering{
		OrgID: w.org.ID, MicrocredentialID: w.mc.ID,
		Starts: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Ends: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC),
		Schedule: pokot.Text{"fi": "ti 1.9.2026 klo 14–16"}, Place: pokot.Text{"fi": "Hämeenlinna"}, Language: "fi",
		Capacity: capacity, RegistrationOpens: t0.Add(-24 * time.Hour), RegistrationCloses: t0.Add(24 * time.Hour),
		PriceCents: 12000, Assessors: []int64{w.ville.ID},
	}
}

func (w *deliveryWorld) newOffering(t *testing.T, capacity int) *pokot.Offering {
	t.Helper()
	o := w.offering(capacity)
	must(t, w.db.CreateOffering(ctx, o, w.anna.ID))
	return o
}

func TestOfferingCreateAndRead(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 2)
	if o.ID == 0 || o.Version != 1 {
		t.Fatalf("offering %+v", o)
	}
	got, err := db.Offering(ctx, w.org.ID, o.ID)
	must(t, err)
	if got.Capacity != 2 || got.FreeSeats() != 2 || got.PriceCents != 12000 || got.Schedule["fi"] != "ti 1.9.2026 klo 14–16" ||
		!got.Starts.Equal(o.Starts) || !got.RegistrationCloses.Equal(us(o.RegistrationCloses)) || len(got.Assessors) != 1 || got.Assessors[0] != w.ville.ID {
		t.Fatalf("read back %+v", got)
	}
	if _, err := db.Offering(ctx, w.other.ID, o.ID); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("another organisation reads the offering: %v", err)
	}
	list, err := db.OfferingsOf(ctx, w.org.ID, w.mc.ID)
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("OfferingsOf: %d", len(list))
	}
	pub, err := db.PublicOfferings(ctx, w.mc.ID, t0)
	must(t, err)
	if len(pub) != 1 {
		t.Fatalf("PublicOfferings: %d", len(pub))
	}
	pub, err = db.PublicOfferings(ctx, w.mc.ID, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	must(t, err)
	if len(pub) != 0 {
		t.Fatalf("an ended offering is still public")
	}
}

func TestOfferingBadInput(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	for _, tc := range []struct {
		name       string
		edit       func(o *pokot.Offering)
		user       int64
		code, key  string
		fieldCheck string
	}{
		{"assessor of another organisation", func(o *pokot.Offering) { o.Assessors = []int64{w.olli.ID} }, w.anna.ID, pokot.EINVALID, "err.offering.assessor_not_member", "assessors"},
		{"member who is not an assessor", func(o *pokot.Offering) { o.Assessors = []int64{w.bo.ID} }, w.anna.ID, pokot.EINVALID, "err.offering.assessor_not_member", "assessors"},
		{"ends before it starts", func(o *pokot.Offering) { o.Ends = o.Starts.AddDate(0, 0, -1) }, w.anna.ID, pokot.EINVALID, "err.offering.ends_before_starts", "ends"},
		{"no capacity", func(o *pokot.Offering) { o.Capacity = 0 }, w.anna.ID, pokot.EINVALID, "err.offering.capacity_invalid", "capacity"},
		{"window closes before it opens", func(o *pokot.Offering) { o.RegistrationCloses = o.RegistrationOpens.Add(-time.Hour) }, w.anna.ID, pokot.EINVALID, "err.offering.window_invalid", "registrationCloses"},
		{"no place and not online", func(o *pokot.Offering) { o.Place = nil }, w.anna.ID, pokot.EINVALID, "err.offering.place_required", "place"},
		{"Jotpa number for a POK not Jotpa-funded", func(o *pokot.Offering) { o.JotpaCaseNumber = "JOTPA/12/2026" }, w.anna.ID, pokot.EINVALID, "err.offering.jotpa_not_funded", "jotpaCaseNumber"},
		{"an assessor may not create offerings", func(o *pokot.Offering) {}, w.ville.ID, pokot.EFORBIDDEN, "err.offering.forbidden", ""},
		{"another organisation's POK", func(o *pokot.Offering) { o.OrgID = w.other.ID }, w.nobody.ID, pokot.ENOTFOUND, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := w.offering(10)
			tc.edit(o)
			err := db.CreateOffering(ctx, o, tc.user)
			if tc.key != "" {
				wantCode(t, err, tc.code, tc.key)
			} else {
				wantCode(t, err, tc.code)
			}
			var e *pokot.Error
			if tc.fieldCheck != "" && (!asErr(err, &e) || e.Field != tc.fieldCheck) {
				t.Fatalf("field of %v, want %s", err, tc.fieldCheck)
			}
		})
	}
	list, err := db.OfferingsOf(ctx, w.org.ID, w.mc.ID)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("a refused offering was stored: %d", len(list))
	}
}

func TestOfferingJotpa(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, true)
	o := w.offering(5)
	wantCode(t, db.CreateOffering(ctx, o, w.anna.ID), pokot.EINVALID, "err.offering.jotpa_required")
	o.JotpaCaseNumber = "not a number"
	wantCode(t, db.CreateOffering(ctx, o, w.anna.ID), pokot.EINVALID, "err.offering.jotpa_invalid")
	o.JotpaCaseNumber = "JOTPA/123/2026"
	must(t, db.CreateOffering(ctx, o, w.anna.ID))
	got, err := db.Offering(ctx, w.org.ID, o.ID)
	must(t, err)
	if got.JotpaCaseNumber != "JOTPA/123/2026" {
		t.Fatalf("Jotpa case %q", got.JotpaCaseNumber)
	}
}

func TestOfferingNotPublished(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	m, _, err := db.CreateMicrocredential(ctx, w.org.ID, w.anna.ID, "", mcContent("Luonnos", "Utkast", "Draft"))
	must(t, err)
	o := w.offering(5)
	o.MicrocredentialID = m.ID
	wantCode(t, db.CreateOffering(ctx, o, w.anna.ID), pokot.ECONFLICT, "err.offering.not_published")
}

func testDB(t *testing.T) *sqldb.DB { return sqldbtest.New(t) }

func asErr(err error, e **pokot.Error) bool { return errors.As(err, e) }

// TestOfferingKeepsItsVersion: publishing a newer version of the POK leaves an existing
// offering on the version its learners registered for, and it can still be edited.
func TestOfferingKeepsItsVersion(t *testing.T) {
	db := testDB(t)
	w := newDeliveryWorld(t, db, pokot.GradePassFail, false)
	o := w.newOffering(t, 5)
	_, err := db.NewVersion(ctx, w.org.ID, w.mc.ID, w.anna.ID)
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := w.anna
		if to == pokot.StatusApproved {
			by = w.bo
		}
		_, err := db.Transition(ctx, w.org.ID, w.mc.ID, 2, by.ID, to, "")
		must(t, err)
	}
	o.Capacity = 8
	must(t, db.UpdateOffering(ctx, o, w.anna.ID))
	got, err := db.Offering(ctx, w.org.ID, o.ID)
	must(t, err)
	if got.Version != 1 || got.Capacity != 8 {
		t.Fatalf("offering %+v", got)
	}
	n := w.newOffering(t, 5)
	if n.Version != 2 {
		t.Fatalf("a new offering delivers version %d", n.Version)
	}
}
