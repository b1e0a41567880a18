package pathway_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/pathway"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

var ctx = context.Background()

const baseURL = "https://pokot.example.fi"

var _ pathway.Store = (*sqldb.DB)(nil)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// env is a database with an organisation, its admin, designer and assessor, published POKs
// and the real services that issue POK and pathway credentials.
type env struct {
	db       *sqldb.DB
	iss      *issuer.Service
	issuing  *issuing.Service
	pathways *pathway.Service
	org      *pokot.Organisation
	designer *pokot.User
	admin    *pokot.User
	assessor *pokot.User
	mcs      []*pokot.Microcredential
}

func newEnv(t testing.TB, poks int) *env {
	t.Helper()
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	e := &env{db: sqldbtest.New(t)}
	var err error
	e.iss, err = issuer.New(e.db, master, baseURL, nil)
	must(t, err)
	e.issuing = issuing.New(e.db, e.iss, issuing.Options{BaseURL: baseURL, Worker: "w", Poll: 10 * time.Millisecond})
	e.pathways = pathway.New(e.db, e.iss, baseURL)
	e.org = e.newOrg(t, "omnia")
	e.admin = e.user(t, e.org, "admin@omnia.fi", pokot.RoleOrgAdmin)
	e.designer = e.user(t, e.org, "designer@omnia.fi", pokot.RoleDesigner)
	e.assessor = e.user(t, e.org, "assessor@omnia.fi", pokot.RoleAssessor)
	for i := 0; i < poks; i++ {
		e.mcs = append(e.mcs, e.publish(t, e.org, e.designer, e.admin, fmt.Sprintf("Osa %d", i+1)))
	}
	return e
}

func (e *env) newOrg(t testing.TB, slug string) *pokot.Organisation {
	t.Helper()
	o := &pokot.Organisation{Slug: slug, Name: pokot.Text{"fi": "Oppilaitos " + slug, "sv": "Läroanstalt " + slug, "en": "Institute " + slug},
		Country: "FI", Region: "Uusimaa", Homepage: "https://" + slug + ".example.fi"}
	must(t, e.db.CreateOrg(ctx, o))
	return o
}

func (e *env) user(t testing.TB, org *pokot.Organisation, email string, roles ...pokot.Role) *pokot.User {
	t.Helper()
	u := &pokot.User{Email: email, Name: email}
	must(t, e.db.CreateUser(ctx, u))
	for _, r := range roles {
		must(t, e.db.AddMember(ctx, org.ID, u.ID, r))
	}
	return u
}

// publish creates a POK in org and takes it through review and approval to published.
func (e *env) publish(t testing.TB, org *pokot.Organisation, designer, admin *pokot.User, title string) *pokot.Microcredential {
	t.Helper()
	mc, _, err := e.db.CreateMicrocredential(ctx, org.ID, designer.ID, "", content(title))
	must(t, err)
	for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
		by := designer
		if to == pokot.StatusApproved {
			by = admin
		}
		_, err := e.db.Transition(ctx, org.ID, mc.ID, 1, by.ID, to, "")
		must(t, err)
	}
	mc, err = e.db.Microcredential(ctx, org.ID, mc.ID)
	must(t, err)
	return mc
}

// issue runs a real offering of mc for the learners: registration, a pass on every outcome,
// a batch and the worker. It returns their issued credentials in the order given.
func (e *env) issue(t testing.TB, mc *pokot.Microcredential, learners ...string) []*pokot.IssuedCredential {
	t.Helper()
	now := time.Now()
	o := &pokot.Offering{OrgID: e.org.ID, MicrocredentialID: mc.ID, Starts: now.AddDate(0, 0, -30), Ends: now.AddDate(0, 0, 30),
		Online: true, Language: "fi", Capacity: len(learners), RegistrationOpens: now.Add(-time.Hour), RegistrationCloses: now.Add(time.Hour),
		Assessors: []int64{e.assessor.ID}}
	must(t, e.db.CreateOffering(ctx, o, e.designer.ID))
	var rows []pokot.AssessmentRow
	for _, l := range learners {
		_, err := e.db.Register(ctx, &pokot.Registration{OfferingID: o.ID, Email: l, Name: "Oppija " + l[:6], Lang: pokot.Finnish}, now)
		must(t, err)
		for out := 0; out < 2; out++ {
			rows = append(rows, pokot.AssessmentRow{Email: l, Assessment: pokot.Assessment{Outcome: out, Result: "pass",
				AssessedOn: time.Date(2026, 10, 20+out, 0, 0, 0, 0, time.UTC), Supervision: pokot.SupervisedWithID}})
		}
	}
	must(t, e.db.ImportAssessments(ctx, e.org.ID, o.ID, e.assessor.ID, rows))
	_, err := e.db.StartIssueBatch(ctx, e.org.ID, o.ID, e.assessor.ID)
	must(t, err)
	if ran, err := e.issuing.RunOnce(ctx); err != nil || !ran {
		t.Fatalf("batch ran %v: %v", ran, err)
	}
	cs, err := e.db.IssuedCredentials(ctx, e.org.ID, o.ID)
	must(t, err)
	by := map[string]*pokot.IssuedCredential{}
	for _, c := range cs {
		by[c.Email] = c
	}
	out := make([]*pokot.IssuedCredential, len(learners))
	for i, l := range learners {
		if out[i] = by[l]; out[i] == nil || out[i].State != pokot.CredentialIssued {
			t.Fatalf("%s has no issued credential: %+v", l, out[i])
		}
	}
	return out
}

func content(title string) *pokot.MicrocredentialContent {
	return &pokot.MicrocredentialContent{
		Title:       pokot.Text{"fi": title, "sv": title + " (sv)", "en": title + " (en)"},
		Description: pokot.Text{"fi": "Kuvaus: " + title, "en": "About " + title},
		Outcomes: []pokot.LearningOutcome{
			{Text: pokot.Text{"fi": "Osaa suunnitella työnsä", "en": "Can plan their work"}, Criteria: pokot.Text{"fi": "Suunnitelma on tehty"}},
			{Text: pokot.Text{"fi": "Osaa käyttää suojaimia", "en": "Can use protective equipment"}, Criteria: pokot.Text{"fi": "Käyttää suojaimia"}},
		},
		Workload:         pokot.Workload{Value: 5, Unit: pokot.UnitOSP},
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
// platform publishes, and nothing else.
func (e *env) verifier(t testing.TB) *credential.Verifier {
	t.Helper()
	docs, err := e.iss.PublishedDocuments(ctx, e.org)
	must(t, err)
	r := &key.Resolver{Offline: true, Overrides: docs}
	return &credential.Verifier{Resolver: r, Now: func() time.Time { return time.Now().Add(time.Minute) }}
}

// define stores a pathway of the given POKs of e.org with the rule "any n" (0: all).
func (e *env) define(t testing.TB, n int, mcs ...*pokot.Microcredential) *pokot.Pathway {
	t.Helper()
	p := &pokot.Pathway{OrgID: e.org.ID, Name: pokot.Text{"fi": "Kokonainen tutkinnon osa", "sv": "Hel examensdel", "en": "Whole qualification unit"},
		Description: pokot.Text{"fi": "Kolme POKia kattavat tutkinnon osan."}, Required: n,
		Target: pokot.QualificationUnit{Code: "106936", Name: pokot.Text{"fi": "Turvallinen työskentely"}, URL: "https://eperusteet.opintopolku.fi/#/fi/ammatillinen/106936"}}
	for _, mc := range mcs {
		p.Members = append(p.Members, mc.ID)
	}
	must(t, e.db.CreatePathway(ctx, p, e.designer.ID))
	return p
}
