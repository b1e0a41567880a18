package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/sqldb"
	"github.com/pokot/pokot/sqldb/sqldbtest"
)

// fixture is a database with two institutions, their people and their tokens.
type fixture struct {
	db  *sqldb.DB
	srv *httptest.Server
	tok map[string]string // name → bearer secret
}

func setup(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db := sqldbtest.New(t)
	f := &fixture{db: db, tok: map[string]string{}}
	orgs := map[string]*pokot.Organisation{}
	for _, slug := range []string{"hamk", "tamk"} {
		o := &pokot.Organisation{Slug: slug, Name: pokot.Text{"fi": strings.ToUpper(slug), "sv": strings.ToUpper(slug), "en": strings.ToUpper(slug)}, Country: "FI"}
		if err := db.CreateOrg(ctx, o); err != nil {
			t.Fatal(err)
		}
		orgs[slug] = o
	}
	users := []struct {
		name  string
		admin bool
		org   string
		role  pokot.Role
	}{
		{"root", true, "", ""},
		{"hamkadmin", false, "hamk", pokot.RoleOrgAdmin},
		{"hamkdesigner", false, "hamk", pokot.RoleDesigner},
		{"tamkadmin", false, "tamk", pokot.RoleOrgAdmin},
	}
	for _, u := range users {
		usr := &pokot.User{Email: u.name + "@example.fi", Name: "Testi " + u.name, Admin: u.admin, Lang: pokot.Finnish}
		if err := db.CreateUser(ctx, usr); err != nil {
			t.Fatal(err)
		}
		if u.org != "" {
			if err := db.AddMember(ctx, orgs[u.org].ID, usr.ID, u.role); err != nil {
				t.Fatal(err)
			}
		}
		for _, sc := range []struct {
			suffix string
			scopes []pokot.Scope
		}{{"", []pokot.Scope{pokot.ScopeRead, pokot.ScopeWrite}}, {"-read", []pokot.Scope{pokot.ScopeRead}}, {"-write", []pokot.Scope{pokot.ScopeWrite}}} {
			secret, err := db.CreateAPIToken(ctx, &pokot.APIToken{UserID: usr.ID, Name: "test" + sc.suffix, Scopes: sc.scopes})
			if err != nil {
				t.Fatal(err)
			}
			f.tok[u.name+sc.suffix] = secret
		}
	}
	cfg := pokot.DefaultConfig()
	cfg.BaseURL = "https://pokot.example.fi"
	f.srv = httptest.NewServer(api.New(db, cfg, nil))
	t.Cleanup(f.srv.Close)
	return f
}

// do sends a request with the named token ("" for none) and returns the response and body.
func (f *fixture) do(t *testing.T, method, path, token, ctype, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+f.tok[token])
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// problemOf checks that a response is an RFC 9457 problem document with the status and
// returns it.
func problemOf(t *testing.T, resp *http.Response, body []byte, status int) map[string]any {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q", ct)
	}
	var p map[string]any
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("problem is not JSON: %v: %s", err, body)
	}
	for _, k := range []string{"type", "title", "detail", "code"} {
		if s, ok := p[k].(string); !ok || s == "" {
			t.Fatalf("problem member %q missing: %s", k, body)
		}
	}
	if p["status"] != float64(status) || p["title"] != http.StatusText(status) {
		t.Fatalf("problem status/title %v/%v, want %d: %s", p["status"], p["title"], status, body)
	}
	return p
}

func TestAuthentication(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	// A revoked and an expired token of the designer.
	u, _ := f.db.UserByEmail(ctx, "hamkdesigner@example.fi")
	revoked := &pokot.APIToken{UserID: u.ID, Name: "revoked", Scopes: []pokot.Scope{pokot.ScopeRead}}
	var err error
	if f.tok["revoked"], err = f.db.CreateAPIToken(ctx, revoked); err != nil {
		t.Fatal(err)
	}
	if err := f.db.RevokeAPIToken(ctx, u.ID, revoked.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	if f.tok["expired"], err = f.db.CreateAPIToken(ctx, &pokot.APIToken{UserID: u.ID, Name: "expired", Scopes: []pokot.Scope{pokot.ScopeRead}, Expires: &past}); err != nil {
		t.Fatal(err)
	}
	f.tok["made-up"] = "pokot_0000000000000000000000000000"
	for _, tok := range []string{"", "revoked", "expired", "made-up"} {
		resp, body := f.do(t, "GET", "/api/v1/me", tok, "", "")
		p := problemOf(t, resp, body, 401)
		if p["code"] != pokot.EUNAUTHORIZED || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("token %q: %s %q", tok, body, resp.Header.Get("WWW-Authenticate"))
		}
	}
	// Other schemes are not tokens.
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/me", nil)
	req.SetBasicAuth("hamkdesigner@example.fi", f.tok["hamkdesigner"])
	if resp, _ := http.DefaultClient.Do(req); resp.StatusCode != 401 {
		t.Errorf("basic auth: %d", resp.StatusCode)
	}

	resp, body := f.do(t, "GET", "/api/v1/me", "hamkdesigner", "", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("me: %d %s", resp.StatusCode, body)
	}
	var me struct {
		Email       string
		Admin       bool
		Memberships []struct{ Org, Role string }
	}
	if err := json.Unmarshal(body, &me); err != nil || me.Email != "hamkdesigner@example.fi" || me.Admin ||
		len(me.Memberships) != 1 || me.Memberships[0].Org != "hamk" || me.Memberships[0].Role != "designer" {
		t.Fatalf("me = %+v (%v): %s", me, err, body)
	}
}

func TestScopes(t *testing.T) {
	f := setup(t)
	// A write-only token cannot read, a read-only token cannot write.
	resp, body := f.do(t, "GET", "/api/v1/me", "hamkadmin-write", "", "")
	if p := problemOf(t, resp, body, 403); p["code"] != pokot.EFORBIDDEN || !strings.Contains(resp.Header.Get("WWW-Authenticate"), `scope="read"`) {
		t.Errorf("write-only GET: %s", body)
	}
	resp, body = f.do(t, "POST", "/api/v1/orgs/hamk/invitations", "hamkadmin-read", "application/json", `{"email":"a@example.fi","role":"learner"}`)
	problemOf(t, resp, body, 403)
	if _, n, _ := f.db.Outbox(context.Background(), 10, 0); n != 0 {
		t.Fatal("a read-only token sent an invitation")
	}
}

func TestTenantIsolation(t *testing.T) {
	f := setup(t)
	cases := []struct {
		tok, path string
		status    int
	}{
		{"hamkdesigner", "/api/v1/orgs/hamk", 200},
		{"hamkdesigner", "/api/v1/orgs/tamk", 403},
		{"hamkdesigner", "/api/v1/orgs/hamk/members", 403}, // members: admins only
		{"hamkadmin", "/api/v1/orgs/hamk/members", 200},
		{"hamkadmin", "/api/v1/orgs/tamk/members", 403},
		{"tamkadmin", "/api/v1/orgs/hamk", 403},
		{"root", "/api/v1/orgs/tamk/members", 200}, // platform admin
		{"hamkadmin", "/api/v1/orgs/nosuch", 404},
		{"hamkadmin", "/api/v1/nothing/here", 404},
	}
	for _, c := range cases {
		resp, body := f.do(t, "GET", c.path, c.tok, "", "")
		if c.status != 200 {
			problemOf(t, resp, body, c.status)
			continue
		}
		if resp.StatusCode != 200 {
			t.Errorf("%s as %s: %d %s", c.path, c.tok, resp.StatusCode, body)
		}
	}
	// Listings show only one's own organisations; members only one's own people.
	_, body := f.do(t, "GET", "/api/v1/orgs", "hamkdesigner", "", "")
	var orgs struct{ Orgs []struct{ Slug string } }
	json.Unmarshal(body, &orgs)
	if len(orgs.Orgs) != 1 || orgs.Orgs[0].Slug != "hamk" {
		t.Errorf("designer sees %s", body)
	}
	_, body = f.do(t, "GET", "/api/v1/orgs", "root", "", "")
	json.Unmarshal(body, &orgs)
	if len(orgs.Orgs) != 2 {
		t.Errorf("platform admin sees %s", body)
	}
	_, body = f.do(t, "GET", "/api/v1/orgs/hamk/members", "hamkadmin", "", "")
	if strings.Contains(string(body), "tamk") || !strings.Contains(string(body), "hamkdesigner@example.fi") {
		t.Errorf("members of hamk: %s", body)
	}
	// Inviting into another organisation changes nothing.
	resp, body := f.do(t, "POST", "/api/v1/orgs/tamk/invitations", "hamkadmin", "application/json", `{"email":"x@example.fi","role":"learner"}`)
	problemOf(t, resp, body, 403)
	resp, body = f.do(t, "POST", "/api/v1/orgs/hamk/invitations", "hamkdesigner", "application/json", `{"email":"x@example.fi","role":"learner"}`)
	problemOf(t, resp, body, 403)
	if _, n, _ := f.db.Outbox(context.Background(), 10, 0); n != 0 {
		t.Fatal("a forbidden invitation sent mail")
	}
}

func TestInvitation(t *testing.T) {
	f := setup(t)
	resp, body := f.do(t, "POST", "/api/v1/orgs/hamk/invitations", "hamkadmin", "application/json; charset=utf-8", `{"email":" Aino.Korhonen@Example.FI ","role":"assessor"}`)
	if resp.StatusCode != 201 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var inv struct {
		ID               int64
		Org, Email, Role string
		Expires          time.Time
	}
	if err := json.Unmarshal(body, &inv); err != nil || inv.Email != "aino.korhonen@example.fi" || inv.Role != "assessor" || inv.Org != "hamk" ||
		inv.Expires.Before(time.Now().Add(6*24*time.Hour)) {
		t.Fatalf("%+v %v", inv, err)
	}
	mails, _, _ := f.db.Outbox(context.Background(), 10, 0)
	if len(mails) != 1 || mails[0].To != "aino.korhonen@example.fi" || mails[0].Status != pokot.MailOutbox {
		t.Fatalf("mails %+v", mails)
	}
	m := mails[0]
	for _, want := range []string{"https://pokot.example.fi/invitations/", "arvioija", "bedömare", "assessor", "Testi hamkadmin", "HAMK"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("mail text lacks %q:\n%s", want, m.Text)
		}
	}
	// The link in the mail is a working invitation token.
	i := strings.Index(m.Text, "/invitations/") + len("/invitations/")
	token := strings.Fields(m.Text[i:])[0]
	got, err := f.db.InvitationByToken(context.Background(), token, time.Now())
	if err != nil || got.ID != inv.ID {
		t.Fatalf("token from the mail: %+v %v", got, err)
	}
	// The designer already holds the role: conflict.
	resp, body = f.do(t, "POST", "/api/v1/orgs/hamk/invitations", "hamkadmin", "application/json", `{"email":"hamkdesigner@example.fi","role":"designer"}`)
	problemOf(t, resp, body, 409)
}

func TestBadRequests(t *testing.T) {
	f := setup(t)
	path := "/api/v1/orgs/hamk/invitations"
	cases := []struct {
		name, ctype, body string
		status            int
		fields            []string
	}{
		{"malformed JSON", "application/json", `{"email":`, 400, nil},
		{"not an object", "application/json", `[1,2]`, 400, nil},
		{"unknown field", "application/json", `{"email":"a@example.fi","role":"learner","admin":true}`, 400, nil},
		{"wrong type", "application/json", `{"email":["a@example.fi"],"role":"learner"}`, 400, nil},
		{"trailing data", "application/json", `{"email":"a@example.fi","role":"learner"} {}`, 400, nil},
		{"empty body", "application/json", ``, 400, nil},
		{"wrong content type", "text/plain", `{"email":"a@example.fi","role":"learner"}`, 415, nil},
		{"form post", "application/x-www-form-urlencoded", `email=a@example.fi`, 415, nil},
		{"no content type", "", `{"email":"a@example.fi","role":"learner"}`, 415, nil},
		{"bad fields", "application/json", `{"email":"not-an-address","role":"king"}`, 422, []string{"email", "role"}},
		{"oversize", "application/json", `{"email":"` + strings.Repeat("a", 70<<10) + `@example.fi","role":"learner"}`, 413, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := f.do(t, "POST", path, "hamkadmin", c.ctype, c.body)
			p := problemOf(t, resp, body, c.status)
			errs, _ := p["errors"].(map[string]any)
			for _, fld := range c.fields {
				if list, _ := errs[fld].([]any); len(list) == 0 {
					t.Errorf("no error for field %q: %s", fld, body)
				}
			}
			if c.fields == nil && errs != nil {
				t.Errorf("unexpected field errors: %s", body)
			}
			if want := map[string]string{"unknown field": `unknown field "admin"`, "wrong type": `"email" must be a JSON string`}[c.name]; want != "" && !strings.Contains(p["detail"].(string), want) {
				t.Errorf("detail %q does not say %q", p["detail"], want)
			}
		})
	}
	// An oversize body without Content-Length (chunked) is cut off while reading.
	req, _ := http.NewRequest("POST", f.srv.URL+path, io.MultiReader(strings.NewReader(`{"email":"`), strings.NewReader(strings.Repeat("a", 70<<10))))
	req.Header.Set("Authorization", "Bearer "+f.tok["hamkadmin"])
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if req.ContentLength != 0 {
		t.Fatal("test meant a chunked body")
	}
	problemOf(t, resp, b, 413)
	if _, n, _ := f.db.Outbox(context.Background(), 10, 0); n != 0 {
		t.Fatal("a bad request sent mail")
	}
	// A known path with the wrong method: 405 with Allow.
	resp, body := f.do(t, "DELETE", "/api/v1/me", "hamkadmin", "", "")
	problemOf(t, resp, body, 405)
	if resp.Header.Get("Allow") != "GET" {
		t.Errorf("Allow %q", resp.Header.Get("Allow"))
	}
}

func TestInternalErrorsStayInside(t *testing.T) {
	f := setup(t)
	f.db.Close() // every query fails now
	resp, body := f.do(t, "GET", "/api/v1/me", "hamkadmin", "", "")
	p := problemOf(t, resp, body, 500)
	if strings.Contains(strings.ToLower(string(body)), "sql") || strings.Contains(string(body), "closed") || p["code"] != pokot.EINTERNAL {
		t.Fatalf("internal details leaked: %s", body)
	}
}
