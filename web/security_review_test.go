package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/api"
	"github.com/pokot/pokot/ob3api"
)

// TestThrottleLongEmail: the throttled forms (sign-in, password reset, sign-in link) count
// whatever was typed in the e-mail field. An address of thousands of characters is a
// refusal like any other, not an internal error (PostgreSQL refused to index such a
// throttle key).
func TestThrottleLongEmail(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var sb strings.Builder
	for i := 0; sb.Len() < 4000; i++ {
		fmt.Fprintf(&sb, "%x", i*2654435761)
	}
	long := sb.String() + "@example.fi"
	b := e.browser()
	b.get("/signin")
	r := b.post("/signin", url.Values{"email": {long}, "password": {"väärä salasana tämä"}})
	wantStatus(t, r, http.StatusUnauthorized)
	wantBody(t, r, "Sähköpostiosoite tai salasana on väärin.")
	for _, path := range []string{"/password/forgot", "/signin/link"} {
		b.get(path)
		r = b.post(path, url.Values{"email": {long}})
		if r.StatusCode >= 500 {
			t.Fatalf("%s with a long address: status %d", path, r.StatusCode)
		}
	}
}

// TestAssessmentTemplateDefusesFormulas: an e-mail address may begin with a character that
// makes a spreadsheet run the cell as a formula (a learner chooses it when registering).
// The assessment template that staff open in Excel writes such an address as text (a
// leading apostrophe), and the template filled in and imported as it is still finds the
// learner.
func TestAssessmentTemplateDefusesFormulas(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	evil := []string{"=cmd|'/ccalc'!a0@example.fi", "-2+3@example.fi", "+358401234567@example.fi"}
	w.enrol(o, append([]string{"anna@example.fi"}, evil...)...)
	b := w.signedIn(w.assessor)
	base := offeringPath(o)
	b.get(base + "/assessment")
	tpl := b.get(base + "/assessment.csv")
	wantStatus(t, tpl, http.StatusOK)
	var filled strings.Builder
	for i, line := range strings.Split(strings.TrimSpace(strings.TrimPrefix(tpl.body, "\ufeff")), "\r\n") {
		if i > 0 && line != "" && strings.ContainsRune("=+-@\t\r", rune(line[0])) {
			t.Fatalf("template line %d would run as a formula: %q", i+1, line)
		}
		if i > 0 {
			// Fill in the result and the date: "email;outcome;;;;" → "email;outcome;4;20.10.2025;;".
			cells := strings.Split(line, ";")
			cells[2], cells[3] = "4", "20.10.2025"
			line = strings.Join(cells, ";")
		}
		filled.WriteString(line + "\r\n")
	}
	for _, e := range evil {
		if !strings.Contains(tpl.body, "\r\n'"+e+";") {
			t.Fatalf("template does not write %s as text:\n%s", e, tpl.body)
		}
	}
	r := b.uploadCSV(base+"/assessment/import", "tulokset.csv", []byte(filled.String()))
	wantStatus(t, r, http.StatusSeeOther)
	if n := w.assessed(o); n != 8 {
		t.Fatalf("imported %d assessments, want 8 (4 learners, 2 outcomes)", n)
	}
}

// TestAPIKeepsItsOwnBodyLimits: the JSON API mounted under /api/ bounds its request bodies
// itself (64 KiB, 8 MiB for CSV imports, with problem JSON). The site's 1 MiB limit for
// forms must not cut an API import short with an HTML page; a body over the API's own
// limit still gets the API's 413.
func TestAPIKeepsItsOwnBodyLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(d *webDeps) { d.API = api.New(d.Store, d.Config, nil) })
	u := e.user("suunnittelija@hamk.fi", "Sanna", false)
	o := e.org("hamk", "HAMK")
	e.member(o, u, pokot.RoleDesigner)
	secret, err := e.db.CreateAPIToken(ctx, &pokot.APIToken{UserID: u.ID, Name: "tuonti", Scopes: []pokot.Scope{pokot.ScopeRead, pokot.ScopeWrite}})
	if err != nil {
		t.Fatal(err)
	}
	post := func(size int) *http.Response {
		body := "slug;title_fi\r\n" + strings.Repeat("x", size)
		req, _ := http.NewRequest("POST", e.srv.URL+"/api/v1/orgs/hamk/microcredentials/import", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+secret)
		req.Header.Set("Content-Type", "text/csv")
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		return r
	}
	r := post(2 << 20)
	if ct := r.Header.Get("Content-Type"); r.StatusCode == http.StatusRequestEntityTooLarge || !strings.Contains(ct, "json") {
		t.Fatalf("a 2 MiB CSV import: %d %s, want the API's own answer (JSON, not 413)", r.StatusCode, ct)
	}
	r = post(9 << 20)
	if ct := r.Header.Get("Content-Type"); r.StatusCode != http.StatusRequestEntityTooLarge || ct != "application/problem+json" {
		t.Fatalf("a 9 MiB CSV import: %d %s, want the API's 413 problem JSON", r.StatusCode, ct)
	}
}

// TestRegistrationThrottled: public registration is the one anonymous form that e-mails an
// address the visitor types and takes a seat. It is counted per address (so that nobody
// can fill someone's mailbox with registration e-mails) and per IP address (so that a
// script cannot take every seat with made-up addresses), like the sign-in link and the
// password reset; over the limit nothing is stored or sent, and the page says why.
func TestRegistrationThrottled(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(500)
	path := publicPath(o)
	v := w.visit(path)
	// One address: the first registers, the next attempts are duplicates, and past the
	// per-address limit the form is refused before anything is looked at.
	for i := 1; i <= 10; i++ {
		r := v.post(path+"/register", regForm("Maija", "maija@example.fi"))
		if r.StatusCode == http.StatusTooManyRequests {
			t.Fatalf("attempt %d for one address throttled already", i)
		}
	}
	r := v.post(path+"/register", regForm("Maija", "maija@example.fi"))
	wantStatus(t, r, http.StatusTooManyRequests)
	wantBody(t, r, "Liian monta ilmoittautumista")
	n := 0
	for _, m := range w.mails() {
		if m.To == "maija@example.fi" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d e-mails to the address, want 1", n)
	}
	// Many addresses from one IP address: past the limit nothing is stored.
	throttled := 0
	for i := 0; i < 110; i++ {
		r := v.post(path+"/register", regForm("Oppija", fmt.Sprintf("oppija%d@example.fi", i)))
		if r.StatusCode == http.StatusTooManyRequests {
			throttled++
		}
	}
	reg, _ := w.seats(o)
	if throttled == 0 || len(reg) > 100 {
		t.Fatalf("110 addresses from one IP address: %d seats taken, %d throttled", len(reg), throttled)
	}
	// The next window lets people in again.
	w.advance(61 * time.Minute)
	r = v.post(path+"/register", regForm("Uusi", "uusi@example.fi"))
	wantStatus(t, r, http.StatusOK)
}

// TestEveryPostRouteChecksCSRF reads routes.go and sends every POST route of the site, as
// a signed-in user, without the CSRF token: each must be refused with the stale-form page
// and 403 before its handler runs. The OAuth endpoints of package ob3api (client or bearer
// authentication, no cookies) are the only POST routes outside s.app.
func TestEveryPostRouteChecksCSRF(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`mux\.Handle(?:Func)?\("POST ([^"]+)",\s*(.*)\)\n`)
	wild := regexp.MustCompile(`\{[^}]+\}`)
	e := newEnv(t)
	o := e.org("hamk", "HAMK")
	u := e.user("admin@hamk.fi", "Aino", true)
	e.member(o, u, pokot.RoleOrgAdmin)
	b := e.browser()
	b.signin("admin@hamk.fi")
	routes := re.FindAllStringSubmatch(string(src), -1)
	if len(routes) < 45 {
		t.Fatalf("found %d POST routes in routes.go; the pattern no longer reads the file", len(routes))
	}
	for _, m := range routes {
		pattern, wrap := m[1], m[2]
		if !strings.Contains(wrap, "s.app(") {
			t.Errorf("POST %s is not wrapped in s.app (no session, no CSRF check): %s", pattern, wrap)
			continue
		}
		path := wild.ReplaceAllStringFunc(pattern, func(w string) string {
			if w == "{slug}" {
				return "hamk"
			}
			return "1"
		})
		for _, ctype := range []string{"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
			body := "name=Hakkeroitu&email=x@example.fi&decision=approve&confirm=yes"
			if strings.HasPrefix(ctype, "multipart") {
				body = "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nHakkeroitu\r\n--x--\r\n"
			}
			req, _ := http.NewRequest("POST", e.srv.URL+path, strings.NewReader(body))
			req.Header.Set("Content-Type", ctype)
			r := b.do(req)
			if r.StatusCode != http.StatusForbidden || !strings.Contains(r.body, "Lomake on vanhentunut") {
				t.Errorf("POST %s (%s) without a CSRF token: %d, want 403 and the stale-form page", path, ctype, r.StatusCode)
			}
		}
	}
	for _, p := range ob3api.Patterns {
		if strings.HasPrefix(p, "POST ") && strings.Contains(string(src), `"`+p+`"`) {
			t.Errorf("%s is in routes.go: the ob3api routes are mounted through ob3api.Patterns", p)
		}
	}
}

// TestEveryOrgRouteIsTenantScoped reads routes.go and calls every route under
// /orgs/{slug}/ of HAMK, with the ids of HAMK's real POK, offering, registration, batch,
// credential, pathway, member and invitation, as people who must not get in: Omnia's
// administrator and designer (another tenant), and a learner and a working-life partner of
// HAMK who were invited to nothing. Each GET and POST (with a valid CSRF token) must be
// refused with 403 or 404; nothing of HAMK may be shown or changed.
func TestEveryOrgRouteIsTenantScoped(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`mux\.Handle(?:Func)?\("(GET|POST) (/orgs/\{slug\}(?:/[^"]*)?)"`)
	routes := re.FindAllStringSubmatch(string(src), -1)
	if len(routes) < 50 {
		t.Fatalf("found %d organisation routes in routes.go; the pattern no longer reads the file", len(routes))
	}
	w := newDeliveryWorld(t)
	cs := w.issuePOK(t, "anna@example.fi")
	o, err := w.db.Offering(ctx, w.hamk.ID, cs[0].OfferingID)
	if err != nil {
		t.Fatal(err)
	}
	regs, err := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	if err != nil || len(regs) == 0 {
		t.Fatalf("participants: %v %v", regs, err)
	}
	batches, err := w.db.IssueBatches(ctx, w.hamk.ID, o.ID)
	if err != nil || len(batches) == 0 {
		t.Fatalf("batches: %v %v", batches, err)
	}
	p := &pokot.Pathway{OrgID: w.hamk.ID, Name: pokot.Text{"fi": "Polku"}, Members: []int64{w.mc.ID}}
	if err := w.db.CreatePathway(ctx, p, w.designer.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.CreateInvitation(ctx, &pokot.Invitation{OrgID: w.hamk.ID, Email: "uusi@example.fi", Role: pokot.RoleDesigner,
		InvitedBy: w.admin.ID, Expires: w.clock().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	invs, err := w.db.Invitations(ctx, w.hamk.ID, w.clock())
	if err != nil || len(invs) == 0 {
		t.Fatalf("invitations: %v %v", invs, err)
	}
	grant, err := w.db.AddPartner(ctx, w.hamk.ID, w.mc.ID, w.designer.ID, "kumppani@yritys.fi")
	if err != nil {
		t.Fatal(err)
	}
	comment := &pokot.Comment{OrgID: w.hamk.ID, MicrocredentialID: w.mc.ID, Version: 1, AuthorID: w.designer.ID, Body: "Hyvä"}
	if err := w.db.AddComment(ctx, comment); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{
		"{slug}": "hamk", "{reg}": fmt.Sprint(regs[0].ID), "{batch}": fmt.Sprint(batches[0].ID),
		"{cred}": strings.TrimPrefix(cs[0].CredentialID, "urn:uuid:"), "{user}": fmt.Sprint(w.designer.ID),
		"{grant}": fmt.Sprint(grant.ID), "{comment}": fmt.Sprint(comment.ID), "{step}": "1",
	}
	idOf := func(pattern string) string {
		switch {
		case strings.Contains(pattern, "/studio/"):
			return fmt.Sprint(w.mc.ID)
		case strings.Contains(pattern, "/offerings/"):
			return fmt.Sprint(o.ID)
		case strings.Contains(pattern, "/pathways/"):
			return fmt.Sprint(p.ID)
		case strings.Contains(pattern, "/invitations/"):
			return fmt.Sprint(invs[0].ID)
		}
		return "1"
	}
	omniaAdmin := w.user("admin@omnia.fi", "Outi Omnia", false)
	omniaDesigner := w.user("suunnittelija@omnia.fi", "Olli Omnia", false)
	w.member(w.omnia, omniaAdmin, pokot.RoleOrgAdmin)
	w.member(w.omnia, omniaDesigner, pokot.RoleDesigner)
	learner := w.user("oppija@hamk.fi", "Oona Oppija", false)
	w.member(w.hamk, learner, pokot.RoleLearner)
	partner := w.user("kumppani@toinen.fi", "Kalle Kumppani", false)
	w.member(w.hamk, partner, pokot.RolePartner)
	before, err := w.db.Microcredential(ctx, w.hamk.ID, w.mc.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []*pokot.User{omniaAdmin, omniaDesigner, learner, partner} {
		b := w.signedIn(who)
		b.get("/dashboard")
		for _, m := range routes {
			method, pattern := m[1], m[2]
			if who == learner || who == partner {
				// Members of any role see the organisation's own page.
				if pattern == "/orgs/{slug}" {
					continue
				}
			}
			path := regexp.MustCompile(`\{[^}]+\}`).ReplaceAllStringFunc(pattern, func(k string) string {
				if v, ok := ids[k]; ok {
					return v
				}
				return idOf(pattern)
			})
			var r *resp
			if method == "GET" {
				r = b.get(path)
			} else {
				r = b.post(path, url.Values{"title": {"Kaapattu"}, "email": {"hyokkaaja@example.fi"}, "role": {"orgadmin"},
					"confirm": {"yes"}, "action": {"revoke"}, "reason": {"x"}, "body": {"Kaapattu"}, "to": {"published"}, "resolved": {"1"}})
			}
			if r.StatusCode != http.StatusForbidden && r.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %s %s: %d, want 403 or 404", who.Email, method, path, r.StatusCode)
			}
		}
	}
	// Nothing changed.
	after, err := w.db.Microcredential(ctx, w.hamk.ID, w.mc.ID)
	if err != nil || after.CurrentVersion != before.CurrentVersion || after.PublishedVersion != before.PublishedVersion {
		t.Fatalf("HAMK's POK changed: %+v → %+v (%v)", before, after, err)
	}
	if c, err := w.db.IssuedCredential(ctx, w.hamk.ID, cs[0].CredentialID); err != nil || c.RevokedAt != nil || c.SuspendedAt != nil {
		t.Fatalf("HAMK's credential changed: %+v %v", c, err)
	}
	ms, err := w.db.Members(ctx, w.hamk.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Role == pokot.RoleOrgAdmin && m.UserID != w.admin.ID {
			t.Fatalf("someone became HAMK's administrator: %+v", m)
		}
	}
}

// TestSharedPagesCarryNoCSRFToken: the catalogue and the POK pages are rendered once and
// served to every anonymous visitor for a second (renderShared). Such a page must carry
// no CSRF token (nor a cookie): another visitor would get the first one's token, and with
// it could forge the first visitor's anonymous forms (double-submit cookie).
func TestSharedPagesCarryNoCSRFToken(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	w.offering(5)
	for _, path := range []string{"/microcredentials", fmt.Sprintf("/microcredentials/%d", w.mc.ID)} {
		a, b := w.browser(), w.browser()
		ra := a.get(path)
		rb := b.get(path)
		wantStatus(t, ra, http.StatusOK)
		wantStatus(t, rb, http.StatusOK)
		for _, r := range []*resp{ra, rb} {
			if strings.Contains(r.body, `name="csrf"`) {
				t.Fatalf("%s is shared between anonymous visitors but holds a CSRF token", path)
			}
		}
		if ra.body != rb.body {
			t.Logf("%s: the two visitors got different pages (not shared)", path)
		}
		for _, c := range rb.Cookies() {
			if c.Name == "pokot_csrf" && c.Value != "" && strings.Contains(ra.body, c.Value) {
				t.Fatalf("%s: the second visitor's CSRF cookie is in the first visitor's page", path)
			}
		}
	}
}
