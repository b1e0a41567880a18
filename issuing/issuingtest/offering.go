package issuingtest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// Offer creates, by the designer, an online offering in Finnish of the published POK mcID
// with capacity seats and the assessor, running from 30 days ago to 30 days ahead, open for
// registration from an hour ago to an hour ahead. Each change is applied before it is stored.
func (o *Org) Offer(t testing.TB, mcID int64, capacity int, change ...func(*pokot.Offering)) *pokot.Offering {
	t.Helper()
	now := time.Now()
	off := &pokot.Offering{OrgID: o.Org.ID, MicrocredentialID: mcID, Starts: now.AddDate(0, 0, -30), Ends: now.AddDate(0, 0, 30),
		Online: true, Language: "fi", Capacity: capacity, RegistrationOpens: now.Add(-time.Hour), RegistrationCloses: now.Add(time.Hour),
		Assessors: []int64{o.Assessor.ID}}
	for _, c := range change {
		c(off)
	}
	must(t, o.DB.CreateOffering(context.Background(), off, o.Designer.ID))
	return off
}

// Learners returns n e-mail addresses, {prefix}00000@example.fi upwards.
func Learners(prefix string, n int) []string {
	ls := make([]string, n)
	for i := range ls {
		ls[i] = fmt.Sprintf("%s%05d@example.fi", prefix, i)
	}
	return ls
}

// Register registers the learners in off in Finnish, eight at a time, so that a large
// group registers quickly; which of them gets which seat is not defined, so a test to which
// the order matters registers one learner a call.
func (o *Org) Register(t testing.TB, off *pokot.Offering, learners ...string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(learners))
	sem := make(chan struct{}, 8)
	for _, email := range learners {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			_, err := o.DB.Register(context.Background(), &pokot.Registration{OfferingID: off.ID, Email: email,
				Name: "Oppija " + strings.Split(email, "@")[0], Lang: pokot.Finnish}, time.Now())
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
}

// Pass imports, as the assessor, a pass on every outcome of off's POK for each of the
// registered learners: outcome i assessed on 20+i October 2026, supervised with an identity
// check.
func (o *Org) Pass(t testing.TB, off *pokot.Offering, learners ...string) {
	t.Helper()
	if len(learners) == 0 {
		return
	}
	ctx := context.Background()
	v, err := o.DB.MicrocredentialVersion(ctx, o.Org.ID, off.MicrocredentialID, off.Version)
	must(t, err)
	var rows []pokot.AssessmentRow
	for _, email := range learners {
		for out := range v.Content.Outcomes {
			rows = append(rows, pokot.AssessmentRow{Email: email, Assessment: pokot.Assessment{Outcome: out, Result: "pass",
				AssessedOn: time.Date(2026, 10, 20+out, 0, 0, 0, 0, time.UTC), Supervision: pokot.SupervisedWithID}})
		}
	}
	must(t, o.DB.ImportAssessments(ctx, o.Org.ID, off.ID, o.Assessor.ID, rows))
}

// PassedOffering is Offer with a seat for each learner, then Register and Pass: an offering
// of mcID whose learners all wait for their credentials.
func (o *Org) PassedOffering(t testing.TB, mcID int64, learners ...string) *pokot.Offering {
	t.Helper()
	off := o.Offer(t, mcID, max(len(learners), 1))
	o.Register(t, off, learners...)
	o.Pass(t, off, learners...)
	return off
}
