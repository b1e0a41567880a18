package issuing_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

const baseURL = "https://pokot.example.fi"

var _ issuing.Store = (*sqldb.DB)(nil)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t testing.TB, err error, code, key string) {
	t.Helper()
	var e *pokot.Error
	if pokot.ErrorCode(err) != code || !asErr(err, &e) || e.Key != key {
		t.Fatalf("error %v: want %s %s", err, code, key)
	}
}

// clock is a settable clock for the job queue's leases.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a database with an organisation, a published two-outcome POK, an offering whose
// learners have all passed, and the services to issue their credentials.
type env struct {
	dsn      string
	db       *sqldb.DB
	master   []byte
	iss      *issuer.Service
	org      *pokot.Organisation
	admin    *pokot.User
	assessor *pokot.User
	mc       *pokot.Microcredential
	offering *pokot.Offering
	clock    *clock
	learners []string
}

func newEnv(t testing.TB, learners int) *env {
	t.Helper()
	e := &env{dsn: sqldbtest.DSN(t), master: make([]byte, issuer.MasterKeySize), clock: &clock{t: time.Now().UTC().Add(time.Hour)}}
	rand.Read(e.master)
	var err error
	e.db, err = sqldb.Open(ctx, e.dsn, nil)
	must(t, err)
	t.Cleanup(func() { e.db.Close() })
	e.iss, err = issuer.New(e.db, e.master, baseURL, nil)
	must(t, err)
	e.org = &pokot.Organisation{Slug: "omnia", Name: pokot.Text{"fi": "Ammattiopisto Omnia", "sv": "Yrkesinstitutet Omnia", "en": "Omnia"},
		Country: "FI", Region: "Uusimaa", Homepage: "https://www.omnia.fi"}
	must(t, e.db.CreateOrg(ctx, e.org))
	e.admin = e.user(t, "admin@omnia.fi", pokot.RoleOrgAdmin, pokot.RoleDesigner)
	designer := e.user(t, "designer@omnia.fi", pokot.RoleDesigner)
	e.assessor = e.user(t, "assessor@omnia.fi", pokot.RoleAssessor)
	e.mc, _, err = e.db.CreateMicrocredential(ctx, e.org.ID, designer.ID, "", content())
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := designer
		if to == pokot.StatusApproved {
			by = e.admin
		}
		_, err := e.db.Transition(ctx, e.org.ID, e.mc.ID, 1, by.ID, to, "")
		must(t, err)
	}
	now := time.Now()
	e.offering = &pokot.Offering{OrgID: e.org.ID, MicrocredentialID: e.mc.ID, Starts: now.AddDate(0, 0, -30), Ends: now.AddDate(0, 0, 30),
		Online: true, Language: "fi", Capacity: max(learners, 1), RegistrationOpens: now.Add(-time.Hour), RegistrationCloses: now.Add(time.Hour),
		Assessors: []int64{e.assessor.ID}}
	must(t, e.db.CreateOffering(ctx, e.offering, designer.ID))
	e.enrolPassed(t, e.offering, learners)
	return e
}

// enrolPassed registers n learners in o and imports a pass on every outcome for each.
func (e *env) enrolPassed(t testing.TB, o *pokot.Offering, n int) {
	t.Helper()
	var rows []pokot.AssessmentRow
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, n)
	sem := make(chan struct{}, 8)
	for i := 0; i < n; i++ {
		email := fmt.Sprintf("learner%05d-%d@example.fi", i, o.ID)
		e.learners = append(e.learners, email)
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			_, err := e.db.Register(ctx, &pokot.Registration{OfferingID: o.ID, Email: email, Name: "Oppija " + email[:12], Lang: pokot.Finnish}, time.Now())
			errs <- err
		}()
		for out := 0; out < 2; out++ {
			mu.Lock()
			rows = append(rows, pokot.AssessmentRow{Email: email, Assessment: pokot.Assessment{Outcome: out, Result: "pass",
				AssessedOn: time.Date(2026, 10, 20+out, 0, 0, 0, 0, time.UTC), Supervision: pokot.SupervisedWithID}})
			mu.Unlock()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	if n > 0 {
		must(t, e.db.ImportAssessments(ctx, e.org.ID, o.ID, e.assessor.ID, rows))
	}
}

func (e *env) user(t testing.TB, email string, roles ...pokot.Role) *pokot.User {
	t.Helper()
	u := &pokot.User{Email: email, Name: strings.Split(email, "@")[0]}
	must(t, e.db.CreateUser(ctx, u))
	for _, r := range roles {
		must(t, e.db.AddMember(ctx, e.org.ID, u.ID, r))
	}
	return u
}

// service returns an issuing service over db (e.db when nil).
func (e *env) service(db *sqldb.DB, worker string, chunk int) *issuing.Service {
	return e.serviceLease(db, worker, chunk, 0)
}

// serviceLease is service with a lease (0 for the default).
func (e *env) serviceLease(db *sqldb.DB, worker string, chunk int, lease time.Duration) *issuing.Service {
	if db == nil {
		db = e.db
	}
	iss, err := issuer.New(db, e.master, baseURL, nil)
	if err != nil {
		panic(err)
	}
	return issuing.New(db, iss, issuing.Options{BaseURL: baseURL, Worker: worker, Chunk: chunk, Now: e.clock.Now, Poll: 10 * time.Millisecond, Lease: lease})
}

func content() *pokot.MicrocredentialContent {
	return &pokot.MicrocredentialContent{
		Title:       pokot.Text{"fi": "Turvallinen työ", "sv": "Säkert arbete", "en": "Safe work"},
		Description: pokot.Text{"fi": "Työturvallisuuden perusteet", "en": "Basics of safety at work"},
		Outcomes: []pokot.LearningOutcome{
			{Text: pokot.Text{"fi": "Osaa suunnitella työnsä turvallisesti", "en": "Can plan their work safely"}, Criteria: pokot.Text{"fi": "Suunnitelma on tehty"}},
			{Text: pokot.Text{"fi": "Osaa käyttää suojaimia", "en": "Can use protective equipment"}, Criteria: pokot.Text{"fi": "Käyttää suojaimia oikein"}},
		},
		Workload:         pokot.Workload{Value: 27, Unit: pokot.UnitHours},
		EQFLevel:         4,
		Assessment:       []pokot.AssessmentType{pokot.AssessDemonstration},
		Participation:    []pokot.ParticipationForm{pokot.ParticipationOnline},
		QualityAssurance: pokot.Text{"fi": "Oppilaitoksen laatujärjestelmä"},
		Supervision:      pokot.SupervisedWithID,
		Grading:          pokot.GradePassFail,
		ISCEDField:       "0913",
		Languages:        []string{"fi"},
		IsPOK:            true,
	}
}

// verifier resolves the organisation's DID document and revocation lists from what the
// platform publishes, as `pokot verify --resolve` does: nothing else.
func (e *env) verifier(t testing.TB) *credential.Verifier {
	t.Helper()
	docs, err := e.iss.PublishedDocuments(ctx, e.org)
	must(t, err)
	r := &key.Resolver{Offline: true, Overrides: docs}
	return &credential.Verifier{Resolver: r, Now: func() time.Time { return time.Now().Add(time.Minute) }}
}
