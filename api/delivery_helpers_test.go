package api_test

import (
	"context"
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
	"github.com/pokot/pokot/issuing/issuingtest"
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

const deliveryBase = issuingtest.BaseURL

func deliverySetup(t *testing.T) *deliveryFixture {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.New(t)
	iss, _ := issuingtest.Issuer(t, db)
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
	for _, slug := range []string{"hamk", "tamk"} {
		designer := f.users[slug+"designer"]
		if designer == nil {
			designer = f.users[slug+"admin"]
		}
		fx := &issuingtest.Org{DB: db, Org: f.orgs[slug], Admin: f.users[slug+"admin"], Designer: designer, Assessor: f.users[slug+"assessor"]}
		f.mc[slug] = fx.Publish(t, issuingtest.Content())
		o := fx.Offer(t, f.mc[slug].ID, 3, func(o *pokot.Offering) {
			o.Starts, o.Ends = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
			o.PriceCents, o.Schedule = 12000, pokot.Text{"fi": "ti klo 14–16"}
		})
		f.offering[slug] = o
		n := 4
		if slug == "tamk" {
			n = 1
		}
		learners := make([]string, n)
		for i := range learners {
			learners[i] = fmt.Sprintf("oppija%d@%s.example", i, slug)
			fx.Register(t, o, learners[i]) // one at a time: the seats go in this order
		}
		if slug == "hamk" {
			f.learners = learners
		}
		fx.Pass(t, o, learners[:min(n, 2)]...)
		cs := fx.Issue(t, f.svc, o)
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
