package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// TestEveryPageInEveryLanguage renders every page type in fi, sv and en and checks the lang
// attribute, that no catalog key is missing, the landmarks, and that ids are unique.
func TestEveryPageInEveryLanguage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	o := e.org("hamk", "Hämeen ammattikorkeakoulu")
	e.user("admin@pokot.fi", "Pia Pääkäyttäjä", true)
	oa := e.user("orgadmin@hamk.fi", "Olli Orgadmin", false)
	e.member(o, oa, pokot.RoleOrgAdmin)
	for _, r := range []pokot.Role{pokot.RoleDesigner, pokot.RoleAssessor, pokot.RolePartner, pokot.RoleLearner} {
		u := e.user(string(r)+"@hamk.fi", "Rooli "+string(r), false)
		e.member(o, u, r)
	}
	ev := &pokot.Event{Title: pokot.Text{"fi": "POK-työpaja", "sv": "POK-verkstad", "en": "POK workshop"},
		Starts: e.clock().Add(48 * time.Hour), Ends: e.clock().Add(50 * time.Hour), Place: "Hämeenlinna"}
	if err := e.db.CreateEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	pub := &pokot.Publication{Title: pokot.Text{"fi": "Raportti"}, URL: "https://example.fi/raportti", Published: e.clock().Add(-24 * time.Hour)}
	if err := e.db.CreatePublication(ctx, pub); err != nil {
		t.Fatal(err)
	}
	inv := &pokot.Invitation{OrgID: o.ID, Email: "kutsuttu@hamk.fi", Role: pokot.RoleLearner, InvitedBy: oa.ID, Expires: e.clock().Add(24 * time.Hour)}
	token, err := e.db.CreateInvitation(ctx, inv)
	if err != nil {
		t.Fatal(err)
	}
	admin := e.browser()
	admin.signin("admin@pokot.fi")
	admin.get("/orgs/hamk/members")
	admin.post("/orgs/hamk/invitations", url.Values{"email": {"toinen@hamk.fi"}, "role": {"assessor"}})
	mailID := strconv.FormatInt(e.mails()[0].ID, 10)

	anonPages := []string{"/", "/signin", "/password/forgot", "/password/reset/abc", "/invitations/" + token, "/no-such-page"}
	adminPages := []string{"/dashboard", "/profile", "/orgs/hamk", "/orgs/hamk/settings", "/orgs/hamk/members",
		"/admin/orgs", "/admin/orgs/new", "/admin/users", "/admin/outbox", "/admin/outbox/" + mailID, "/invitations/" + token}
	roleUsers := []string{"orgadmin@hamk.fi", "designer@hamk.fi", "assessor@hamk.fi", "partner@hamk.fi", "learner@hamk.fi"}

	for _, l := range pokot.Langs {
		check := func(b *browser, path string, want int) {
			t.Helper()
			r := b.get(path + sep(path) + "lang=" + string(l))
			wantStatus(t, r, want)
			checkPage(t, r, l)
		}
		anon := e.browser()
		for _, p := range anonPages {
			want := http.StatusOK
			if p == "/no-such-page" {
				want = http.StatusNotFound
			}
			check(anon, p, want)
		}
		for _, p := range adminPages {
			check(admin, p, http.StatusOK)
		}
		for _, email := range roleUsers {
			b := e.browser()
			b.signin(email)
			check(b, "/dashboard", http.StatusOK)
			check(b, "/orgs/hamk", http.StatusOK)
		}
	}
	// The first-run page, while it exists.
	e2 := newEnv(t)
	for _, l := range pokot.Langs {
		r := e2.browser().get("/setup?lang=" + string(l))
		wantStatus(t, r, http.StatusOK)
		checkPage(t, r, l)
	}
}

func sep(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

var idRE = regexp.MustCompile(` id="([^"]+)"`)

func checkPage(t *testing.T, r *resp, l pokot.Lang) {
	t.Helper()
	path := r.Request.URL.Path
	if !strings.Contains(r.body, `<html lang="`+string(l)+`">`) {
		t.Errorf("%s (%s): wrong or no lang attribute", path, l)
	}
	if i := strings.Index(r.body, i18n.Missing); i >= 0 {
		t.Errorf("%s (%s): missing catalog key near %q", path, l, r.body[i:min(len(r.body), i+60)])
	}
	for _, s := range []string{`<main id="main"`, `<header`, `<footer`, `class="skip-link" href="#main"`, "<h1", "<title>", `name="viewport"`} {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s (%s): no %s", path, l, s)
		}
	}
	if strings.Count(r.body, "<h1") != 1 {
		t.Errorf("%s (%s): %d h1 elements", path, l, strings.Count(r.body, "<h1"))
	}
	seen := map[string]bool{}
	for _, m := range idRE.FindAllStringSubmatch(r.body, -1) {
		if seen[m[1]] {
			t.Errorf("%s (%s): duplicate id %q", path, l, m[1])
		}
		seen[m[1]] = true
	}
	// Every labelled control has a matching id.
	for _, m := range regexp.MustCompile(`<label for="([^"]+)"`).FindAllStringSubmatch(r.body, -1) {
		if !seen[m[1]] {
			t.Errorf("%s (%s): label for missing id %q", path, l, m[1])
		}
	}
	for _, m := range regexp.MustCompile(`aria-describedby="([^"]+)"`).FindAllStringSubmatch(r.body, -1) {
		for _, id := range strings.Fields(m[1]) {
			if !seen[id] {
				t.Errorf("%s (%s): aria-describedby names missing id %q", path, l, id)
			}
		}
	}
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	evil := `<script>alert("x")</script>`
	o := e.org("evil", evil)
	u := e.user("admin@pokot.fi", `Eve <img src=x onerror=alert(1)>`, true)
	e.member(o, u, pokot.RoleOrgAdmin)
	b := e.browser()
	b.signin("admin@pokot.fi")
	for _, p := range []string{"/dashboard", "/orgs/evil", "/orgs/evil/members", "/admin/orgs", "/admin/users"} {
		r := b.get(p)
		wantStatus(t, r, http.StatusOK)
		if strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, "<img src=x") {
			t.Errorf("%s: user content not escaped", p)
		}
		if !strings.Contains(r.body, "&lt;script&gt;") && !strings.Contains(r.body, "&lt;img") {
			t.Errorf("%s: escaped content not shown", p)
		}
	}
	// Typed values come back escaped too.
	b.get("/orgs/evil/settings")
	r := b.post("/orgs/evil/settings", url.Values{"name_fi": {`"><script>x</script>`}, "country": {"F"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if strings.Contains(r.body, `"><script>x`) {
		t.Error("typed value not escaped")
	}
}

func TestOrgSettings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	o := e.org("oamk", "OAMK")
	u := e.user("admin@oamk.fi", "Aila", false)
	e.member(o, u, pokot.RoleOrgAdmin)
	b := e.browser()
	b.signin("admin@oamk.fi")
	b.get("/orgs/oamk/settings")
	bad := url.Values{"name_fi": {""}, "name_sv": {""}, "business_id": {"0201256-5"}, "country": {"Suomi"},
		"region": {"Pohjois-Pohjanmaa"}, "homepage": {"javascript:alert(1)"}, "logo_url": {"http://oamk.fi/logo.png"}}
	r := b.post("/orgs/oamk/settings", bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita organisaation nimi ainakin yhdellä kielellä.", "Y-tunnus ei ole oikein",
		"Maatunnuksessa on kaksi kirjainta", "Kirjoita koko osoite", "Kirjoita kuvan osoite",
		`value="0201256-5"`, `value="Suomi"`, `value="Pohjois-Pohjanmaa"`, `href="#org-business_id"`)
	got, _ := e.db.OrgByID(ctx, o.ID)
	if got.Region != "" || got.BusinessID != "" {
		t.Fatalf("rejected form changed the organisation: %+v", got)
	}
	good := url.Values{"name_fi": {"Oulun ammattikorkeakoulu"}, "name_sv": {"Uleåborgs yrkeshögskola"}, "name_en": {"Oulu University of Applied Sciences"},
		"business_id": {"0201256-6"}, "country": {"fi"}, "region": {"Pohjois-Pohjanmaa"}, "homepage": {"https://www.oamk.fi"}, "logo_url": {"https://www.oamk.fi/logo.svg"}}
	r = b.post("/orgs/oamk/settings", good)
	wantStatus(t, r, http.StatusSeeOther)
	got, _ = e.db.OrgByID(ctx, o.ID)
	if got.Name[pokot.Swedish] != "Uleåborgs yrkeshögskola" || got.BusinessID != "0201256-6" || got.Country != "FI" || got.LogoURL != "https://www.oamk.fi/logo.svg" {
		t.Fatalf("saved %+v", got)
	}
	wantBody(t, b.get("/orgs/oamk?lang=sv"), "Uleåborgs yrkeshögskola")
}

func TestAdminCreatesOrganisation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.user("admin@pokot.fi", "Pia", true)
	e.org("hamk", "HAMK")
	b := e.browser()
	b.signin("admin@pokot.fi")
	b.get("/admin/orgs/new")
	r := b.post("/admin/orgs/new", url.Values{"slug": {"hamk"}, "name_fi": {"Toinen HAMK"}, "country": {"FI"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "lyhenne on jo käytössä", `value="Toinen HAMK"`)
	r = b.post("/admin/orgs/new", url.Values{"slug": {"Haaga Helia!"}, "name_fi": {"Haaga-Helia"}, "country": {"FI"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Käytä vain pieniä kirjaimia")
	r = b.post("/admin/orgs/new", url.Values{"slug": {"haaga-helia"}, "name_fi": {"Haaga-Helia ammattikorkeakoulu"}, "country": {"FI"}, "business_id": {"2050797-6"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/orgs/haaga-helia/members")
	if _, err := e.db.OrgBySlug(ctx, "haaga-helia"); err != nil {
		t.Fatal(err)
	}
	wantBody(t, b.get("/admin/orgs"), "Haaga-Helia ammattikorkeakoulu")
}
