package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/issuing"
)

const day = 24 * time.Hour

// seed makes the offering d with its registrations and, for an ended one, its assessments,
// credentials and revocation. It does nothing when the POK already has an offering.
func (d demoOffering) seed(ctx context.Context, store DeliveryStore, iss *issuing.Service, now time.Time, seed *DeliverySeed) error {
	org, err := store.OrgBySlug(ctx, d.org)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	mcs, err := store.Microcredentials(ctx, org.ID, pokot.StatusPublished)
	if err != nil {
		return err
	}
	var mc *pokot.Microcredential
	for _, m := range mcs {
		if m.Slug == d.pok && m.Published != nil {
			mc = m
		}
	}
	if mc == nil {
		return nil
	}
	if have, err := store.OfferingsOf(ctx, org.ID, mc.ID); err != nil || len(have) > 0 {
		return err
	}
	people, err := roles(ctx, store, org.ID)
	if err != nil {
		return err
	}
	designer, assessor := people[pokot.RoleDesigner], people[pokot.RoleAssessor]
	if designer == nil || assessor == nil {
		return fmt.Errorf("%s needs a designer and an assessor", d.org)
	}

	content := &mc.Published.Content
	o := d.offering(org, mc, content, assessor.ID, now)
	if err := store.CreateOffering(ctx, o, designer.ID); err != nil {
		return err
	}
	seed.Offerings++
	// Learners register a day after registration opened, in the order of the list.
	regAt := o.RegistrationOpens.Add(day)
	regs := make([]*pokot.Registration, len(d.learners)) // nil for a missing demo account
	for i, l := range d.learners {
		r := &pokot.Registration{OfferingID: o.ID, Email: l.email, Name: l.name, Lang: l.lang}
		if l.account != "" {
			u, err := learnerAccount(ctx, store, l.account)
			if err != nil {
				return err
			}
			if u == nil {
				continue
			}
			r.UserID, r.Email, r.Name, r.Lang = &u.ID, u.Email, u.Name, u.Lang
		}
		if r.Lang == "" {
			r.Lang = pokot.Finnish
		}
		toks, err := store.Register(ctx, r, regAt)
		if err != nil {
			return fmt.Errorf("register %s: %w", r.Email, err)
		}
		// The learner follows the confirmation link of the e-mail, an hour later.
		if _, err := store.ConfirmRegistration(ctx, toks.Confirm, regAt.Add(time.Hour)); err != nil {
			return fmt.Errorf("confirm %s: %w", r.Email, err)
		}
		regs[i] = r
		seed.Registrations++
		regAt = regAt.Add(3 * time.Hour)
	}
	if d.kind != offeringPast {
		return nil
	}
	return d.assessAndIssue(ctx, store, iss, org, o, content, assessor, regs, seed)
}

// offering describes the offering of kind d.kind relative to now.
func (d demoOffering) offering(org *pokot.Organisation, mc *pokot.Microcredential, c *pokot.MicrocredentialContent, assessor int64, now time.Time) *pokot.Offering {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	o := &pokot.Offering{OrgID: org.ID, MicrocredentialID: mc.ID, Language: "fi", Capacity: d.capacity,
		Assessors: []int64{assessor}, Place: c.Delivery.Place, Online: c.Delivery.Place.Empty()}
	switch d.kind {
	case offeringPast:
		o.Starts, o.Ends = today.AddDate(0, -3, 0), today.AddDate(0, -1, 0)
	case offeringOpen:
		o.Starts, o.Ends = today.AddDate(0, 1, 0), today.AddDate(0, 2, 15)
	default:
		o.Starts, o.Ends = today.AddDate(0, 0, 21), today.AddDate(0, 2, 0)
	}
	// Registration opens six weeks before the start at 9.00 and closes a week before it at
	// 16.00, Helsinki time; an offering still to come opened a week ago, so that its window
	// is open now.
	clock := func(d time.Time, hour int) time.Time {
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, helsinki)
	}
	o.RegistrationOpens, o.RegistrationCloses = clock(o.Starts.AddDate(0, 0, -42), 9), clock(o.Starts.AddDate(0, 0, -7), 16)
	if d.kind != offeringPast {
		o.RegistrationOpens = clock(now.In(helsinki).AddDate(0, 0, -7), 9)
	}
	o.Schedule = pokot.Text{
		pokot.Finnish: "Lähipäivät tiistaisin klo 9–15, " + pokot.FormatDate(o.Starts) + " alkaen.",
		pokot.Swedish: "Närstudiedagar på tisdagar kl. 9–15 från " + pokot.FormatDate(o.Starts) + ".",
		pokot.English: "Contact days on Tuesdays 9:00–15:00 from " + pokot.FormatDate(o.Starts) + ".",
	}
	if o.Online {
		o.Schedule = pokot.Text{
			pokot.Finnish: "Verkossa omaan tahtiin; tukiwebinaari keskiviikkoisin klo 16–17.",
			pokot.Swedish: "På nätet i egen takt; stödwebbinarium på onsdagar kl. 16–17.",
			pokot.English: "Online at your own pace; support webinar on Wednesdays 16:00–17:00.",
		}
	}
	o.PriceCents = int64(c.Price.EUR * 100)
	if c.Price.Jotpa {
		o.JotpaCaseNumber = fmt.Sprintf("JOTPA/%d/%d", 100+mc.ID, today.Year())
	}
	return o
}

// assessAndIssue assesses every learning outcome of every learner, issues the credentials
// of those who passed in one batch run by iss, and revokes those the demo revokes.
func (d demoOffering) assessAndIssue(ctx context.Context, store DeliveryStore, iss *issuing.Service, org *pokot.Organisation,
	o *pokot.Offering, c *pokot.MicrocredentialContent, assessor *pokot.User, regs []*pokot.Registration, seed *DeliverySeed) error {
	pass, fail := pokot.ResultPass, pokot.ResultFail
	if c.Grading != "" && c.Grading != pokot.GradePassFail {
		pass = pokot.ScaleValues(c.Grading)[3]
	}
	for i, l := range d.learners {
		r := regs[i]
		if r == nil {
			continue
		}
		for n := range c.Outcomes {
			a := &pokot.Assessment{OrgID: org.ID, OfferingID: o.ID, RegistrationID: r.ID, Outcome: n, Result: pass,
				AssessedOn: o.Ends.AddDate(0, 0, -7+n+i%3), Supervision: c.Supervision}
			if l.fail && n == len(c.Outcomes)-1 {
				a.Result = fail
			}
			if err := store.SaveAssessment(ctx, a, assessor.ID); err != nil {
				return fmt.Errorf("assess %s: %w", r.Email, err)
			}
		}
	}
	batch, err := store.StartIssueBatch(ctx, org.ID, o.ID, assessor.ID)
	if err != nil {
		return err
	}
	// The worker takes the batch's job from the queue, as it does in serve. Another process
	// running its worker may have taken it already: then it finishes the batch.
	for range 10 {
		ran, err := iss.RunOnce(ctx)
		if err != nil {
			return err
		}
		if !ran {
			break
		}
	}
	if b, err := store.IssueBatch(ctx, org.ID, batch.ID); err != nil {
		return err
	} else if b.Status == pokot.BatchFailed {
		return errors.New("the demo batch failed: " + b.LastError)
	}
	cs, err := store.IssuedCredentials(ctx, org.ID, o.ID)
	if err != nil {
		return err
	}
	seed.Credentials += len(cs)
	for i, l := range d.learners {
		if l.revoke == "" || regs[i] == nil {
			continue
		}
		for _, cr := range cs {
			if cr.RegistrationID == regs[i].ID && cr.State == pokot.CredentialIssued && cr.RevokedAt == nil {
				if err := iss.Revoke(ctx, org, cr.CredentialID, l.revoke); err != nil {
					return err
				}
				seed.Revoked++
			}
		}
	}
	return nil
}
