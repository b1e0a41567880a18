package api_test

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/issuing"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// deliveryFixture is a database with two organisations (hamk, tamk), each with a published
// two-outcome POK and an offering; hamk's offering has three seats taken and one learner
// waiting, and two of its learners hold issued credentials; tamk's offering has one
// credential. Every person has a read+write, a read-only and a write-only token, served
// by an API that has the organisations' keys (WithIssuer).
type deliveryFixture struct {
	*fixture
	iss      *issuer.Service
	svc      *issuing.Service
	orgs     map[string]*pokot.Organisation
	users    map[string]*pokot.User
	offering map[string]*pokot.Offering
	mc       map[string]*pokot.Microcredential
	// learners of hamk's offering: seats 0–2 (0 and 1 hold credentials), 3 waits.
	learners []string
	creds    map[string][]*pokot.IssuedCredential // by org slug
}

const deliveryBase = "https://pokot.example.fi"

func deliverySetup(t *testing.T) *deliveryFixture {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.New(t)
	master := make([]byte, issuer.MasterKeySize)
	rand.Read(master)
	iss, err := issuer.New(db, master, deliveryBase, nil)
	must(t, err)
	f := &deliveryFixture{fixture: &fixture{db: db, tok: map[string]string{}}, iss: iss,
		orgs: map[string]*pokot.Organisation{}, users: map[string]*pokot.User{}, offering: map[string]*pokot.Offering{},
		mc: map[string]*pokot.Microcredential{}, creds: map[string][]*pokot.IssuedCredential{}}
	f.svc = issuing.New(db, iss, issuing.Options{BaseURL: deliveryBase, Outbox: true, Worker: "test"})
	for _, slug := range []string{"hamk", "tamk"} {
		o := &pokot.Organisation{Slug: slug, Name: pokot.Text{"fi": strings.ToUpper(slug), "sv": strings.ToUpper(slug), "en": strings.ToUpper(slug)}, Country: "FI"}
		must(t, db.CreateOrg(ctx, o))
		f.orgs[slug] = o
	}
	for _, u := range []struct {
		name  string
		admin bool
		org   string
		roles []pokot.Role
	}{
		{"root", true, "", nil},
		{"hamkadmin", false, "hamk", []pokot.Role{pokot.RoleOrgAdmin}},
		{"hamkdesigner", false, "hamk", []pokot.Role{pokot.RoleDesigner}},
		{"hamkassessor", false, "hamk", []pokot.Role{pokot.RoleAssessor}},
		{"hamkother", false, "hamk", []pokot.Role{pokot.RoleAssessor}}, // not an assessor of the offering
		{"hamklearner", false, "hamk", []pokot.Role{pokot.RoleLearner}},
		{"tamkadmin", false, "tamk", []pokot.Role{pokot.RoleOrgAdmin, pokot.RoleDesigner}},
		{"tamkassessor", false, "tamk", []pokot.Role{pokot.RoleAssessor}},
	} {
		usr := &pokot.User{Email: u.name + "@example.fi", Name: "Testi " + u.name, Admin: u.admin, Lang: pokot.Finnish}
		must(t, db.CreateUser(ctx, usr))
		f.users[u.name] = usr
		for _, r := range u.roles {
			must(t, db.AddMember(ctx, f.orgs[u.org].ID, usr.ID, r))
		}
		for _, sc := range []struct {
			suffix string
			scopes []pokot.Scope
		}{{"", []pokot.Scope{pokot.ScopeRead, pokot.ScopeWrite}}, {"-read", []pokot.Scope{pokot.ScopeRead}}, {"-write", []pokot.Scope{pokot.ScopeWrite}}} {
			secret, err := db.CreateAPIToken(ctx, &pokot.APIToken{UserID: usr.ID, Name: "test" + sc.suffix, Scopes: sc.scopes})
			must(t, err)
			f.tok[u.name+sc.suffix] = secret
		}
	}
	now := time.Now()
	for _, slug := range []string{"hamk", "tamk"} {
		org := f.orgs[slug]
		designer, assessor := f.users[slug+"designer"], f.users[slug+"assessor"]
		if designer == nil {
			designer = f.users[slug+"admin"]
		}
		mc, _, err := db.CreateMicrocredential(ctx, org.ID, designer.ID, "", deliveryContent())
		must(t, err)
		for _, to := range []pokot.Status{pokot.StatusReview, pokot.StatusApproved, pokot.StatusPublished} {
			by := designer
			if to == pokot.StatusApproved {
				by = f.users[slug+"admin"]
			}
			_, err := db.Transition(ctx, org.ID, mc.ID, 1, by.ID, to, "")
			must(t, err)
		}
		f.mc[slug] = mc
		o := &pokot.Offering{OrgID: org.ID, MicrocredentialID: mc.ID, Starts: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
			Ends: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC), Online: true, Language: "fi", Capacity: 3,
			RegistrationOpens: now.Add(-time.Hour), RegistrationCloses: now.Add(time.Hour), PriceCents: 12000,
			Schedule: pokot.Text{"fi": "ti klo 14–16"}, Assessors: []int64{assessor.ID}}
		must(t, db.CreateOffering(ctx, o, designer.ID))
		f.offering[slug] = o
		n := 4
		if slug == "tamk" {
			n = 1
		}
		var rows []pokot.AssessmentRow
		for i := 0; i < n; i++ {
			email := fmt.Sprintf("oppija%d@%s.example", i, slug)
			_, err := db.Register(ctx, &pokot.Registration{OfferingID: o.ID, Email: email, Name: fmt.Sprintf("Oppija %d", i), Lang: pokot.Finnish}, now)
			must(t, err)
			if slug == "hamk" {
				f.learners = append(f.learners, email)
			}
			if i < 2 {
				for out := 0; out < 2; out++ {
					rows = append(rows, pokot.AssessmentRow{Line: len(rows) + 2, Email: email, Assessment: pokot.Assessment{Outcome: out, Result: "pass",
						AssessedOn: time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)}})
				}
			}
		}
		must(t, db.ImportAssessments(ctx, org.ID, o.ID, assessor.ID, rows))
		if _, err := db.StartIssueBatch(ctx, org.ID, o.ID, assessor.ID); err != nil {
			t.Fatal(err)
		}
		if ran, err := f.svc.RunOnce(ctx); !ran || err != nil {
			t.Fatalf("issuing batch of %s: %v %v", slug, ran, err)
		}
		cs, err := db.IssuedCredentials(ctx, org.ID, o.ID)
		must(t, err)
		if len(cs) != min(n, 2) {
			t.Fatalf("%s: %d credentials issued", slug, len(cs))
		}
		f.creds[slug] = cs
	}
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = deliveryBase
	f.srv = httptest.NewServer(api.New(db, cfg, nil, api.WithIssuer(iss)))
	t.Cleanup(f.srv.Close)
	return f
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// path is the API address of hamk's (or tamk's) offering, plus rest.
func (f *deliveryFixture) path(slug, rest string) string {
	return fmt.Sprintf("/api/v1/orgs/%s/offerings/%d%s", slug, f.offering[slug].ID, rest)
}

// decodeJSON checks the status of a response and decodes its body into v.
func decodeJSON(t *testing.T, status int, got int, body []byte, v any) {
	t.Helper()
	if got != status {
		t.Fatalf("status %d, want %d: %s", got, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
}

// wantProblem checks a problem document's status and key.
func wantDeliveryProblem(t *testing.T, f *deliveryFixture, method, path, token, ctype, body string, status int, key string) map[string]any {
	t.Helper()
	resp, b := f.do(t, method, path, token, ctype, body)
	p := problemOf(t, resp, b, status)
	if key != "" && p["key"] != key {
		t.Fatalf("%s %s: key %v, want %s: %s", method, path, p["key"], key, b)
	}
	return p
}

func deliveryContent() *pokot.MicrocredentialContent {
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
