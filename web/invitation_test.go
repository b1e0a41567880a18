package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

func TestInvitationFlow(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	o := e.org("hamk", "Hämeen ammattikorkeakoulu")
	admin := e.user("org.admin@hamk.fi", "Olli Orgadmin", false)
	e.member(o, admin, pokot.RoleOrgAdmin)

	b := e.browser()
	b.signin("org.admin@hamk.fi")
	r := b.get("/orgs/hamk/members")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Olli Orgadmin", "Avoimia kutsuja ei ole.")

	// A malformed invitation keeps what was typed.
	r = b.post("/orgs/hamk/invitations", url.Values{"email": {"not an address"}, "role": {"designer"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `value="not an address"`, `<option value="designer" selected>`, "Kirjoita sähköpostiosoite muodossa")
	r = b.post("/orgs/hamk/invitations", url.Values{"email": {"uusi@hamk.fi"}, "role": {"superuser"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Valitse rooli.", `value="uusi@hamk.fi"`)
	if len(e.mails()) != 0 {
		t.Fatal("mail sent for a rejected invitation")
	}

	r = b.post("/orgs/hamk/invitations", url.Values{"email": {"Uusi.Opettaja@hamk.fi"}, "role": {"designer"}})
	wantStatus(t, r, http.StatusSeeOther)
	r = b.get("/orgs/hamk/members")
	wantBody(t, r, "uusi.opettaja@hamk.fi", "Kutsu on lähetetty.")

	ms := e.mails()
	if len(ms) != 1 || ms[0].To != "uusi.opettaja@hamk.fi" || ms[0].Status != pokot.MailOutbox {
		t.Fatalf("mails %+v", ms)
	}
	if !strings.Contains(ms[0].Subject, "Hämeen ammattikorkeakoulu") || !strings.Contains(ms[0].Text, "Suunnittelija") {
		t.Errorf("mail %q\n%s", ms[0].Subject, ms[0].Text)
	}
	link := linkIn(t, ms[0])

	// The invitee opens the link, creates an account and becomes a designer.
	inv := e.browser()
	r = inv.get(link)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Hämeen ammattikorkeakoulu", "Suunnittelija", "uusi.opettaja@hamk.fi")
	r = inv.post(link, url.Values{"name": {"Uusi Opettaja"}, "password": {"lyhyt"}, "password2": {"lyhyt"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "vähintään 12 merkkiä", `value="Uusi Opettaja"`)
	r = inv.post(link, url.Values{"name": {"Uusi Opettaja"}, "password": {"kolme pientä porsasta"}, "password2": {"kolme pientä porsasta"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/orgs/hamk")
	r = inv.get("/orgs/hamk")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Tervetuloa!", "Suunnittelija")
	u, err := e.db.UserByEmail(ctx, "uusi.opettaja@hamk.fi")
	if err != nil {
		t.Fatal(err)
	}
	mems, _ := e.db.MembershipsOf(ctx, u.ID)
	if len(mems) != 1 || mems[0].OrgID != o.ID || mems[0].Role != pokot.RoleDesigner {
		t.Fatalf("memberships %+v", mems)
	}
	// The designer sees the designer welcome on the dashboard.
	wantBody(t, inv.get("/dashboard"), "Suunnittelijana", "Suunnittele pieniä osaamiskokonaisuuksia", "/orgs/")

	// The link works once.
	r = e.browser().get(link)
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "Kutsu on vanhentunut, peruttu tai jo käytetty.")

	// The admin grants another role and removes it again.
	b.get("/orgs/hamk/members")
	uid := strconv.FormatInt(u.ID, 10)
	wantStatus(t, b.post("/orgs/hamk/members/"+uid+"/roles", url.Values{"role": {"assessor"}}), http.StatusSeeOther)
	wantStatus(t, b.post("/orgs/hamk/members/"+uid+"/roles/remove", url.Values{"role": {"designer"}}), http.StatusSeeOther)
	mems, _ = e.db.MembershipsOf(ctx, u.ID)
	if len(mems) != 1 || mems[0].Role != pokot.RoleAssessor {
		t.Fatalf("memberships after role change %+v", mems)
	}
	// The last org admin cannot be removed.
	aid := strconv.FormatInt(admin.ID, 10)
	r = b.post("/orgs/hamk/members/"+aid+"/roles/remove", url.Values{"role": {"orgadmin"}})
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "ainakin yksi pääkäyttäjä")
}

func TestInvitationExistingAccountAndCancel(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	o := e.org("jamk", "JAMK")
	admin := e.user("admin@jamk.fi", "Aino", false)
	e.member(o, admin, pokot.RoleOrgAdmin)
	pekka := e.user("partner@yritys.fi", "Pekka Partneri", false)
	pekka.Lang = pokot.Swedish
	if err := e.db.UpdateUser(ctx, pekka); err != nil {
		t.Fatal(err)
	}

	b := e.browser()
	b.signin("admin@jamk.fi")
	b.get("/orgs/jamk/members")
	wantStatus(t, b.post("/orgs/jamk/invitations", url.Values{"email": {"partner@yritys.fi"}, "role": {"partner"}}), http.StatusSeeOther)
	m := e.mails()[0]
	link := linkIn(t, m)
	// Pekka has an account in Swedish, so the invitation is in Swedish.
	if !strings.Contains(m.Subject, "Inbjudan till POKOT") {
		t.Errorf("invitation to a Swedish-speaking user: subject %q", m.Subject)
	}

	p := e.browser()
	r := p.get(link)
	wantBody(t, r, "on jo tunnus")
	wantBody(t, r, `href="/signin?next=/invitations/`)
	p.signin("partner@yritys.fi")
	wantBody(t, p.get(link), "Tacka ja till inbjudan (Pekka Partneri)")
	r = p.post(link, nil)
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, p.get("/dashboard"), "Som arbetslivspartner", "JAMK")

	// A cancelled invitation no longer works.
	b.get("/orgs/jamk/members")
	wantStatus(t, b.post("/orgs/jamk/invitations", url.Values{"email": {"toinen@yritys.fi"}, "role": {"learner"}}), http.StatusSeeOther)
	invs, _ := e.db.Invitations(ctx, o.ID, e.clock())
	if len(invs) != 1 {
		t.Fatalf("invitations %+v", invs)
	}
	link = linkIn(t, e.mails()[0])
	b.get("/orgs/jamk/members")
	wantStatus(t, b.post("/orgs/jamk/invitations/"+strconv.FormatInt(invs[0].ID, 10)+"/cancel", nil), http.StatusSeeOther)
	wantStatus(t, e.browser().get(link), http.StatusNotFound)
}

func TestCrossOrganisationAccess(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	hamk := e.org("hamk", "HAMK")
	tamk := e.org("tamk", "TAMK")
	ha := e.user("admin@hamk.fi", "Hamk Admin", false)
	ta := e.user("admin@tamk.fi", "Tamk Admin", false)
	td := e.user("designer@tamk.fi", "Tamk Designer", false)
	e.member(hamk, ha, pokot.RoleOrgAdmin)
	e.member(tamk, ta, pokot.RoleOrgAdmin)
	e.member(tamk, td, pokot.RoleDesigner)

	b := e.browser()
	b.signin("admin@hamk.fi")
	b.header.Set("Accept-Language", "en")
	b.get("/dashboard?lang=en")
	for _, path := range []string{"/orgs/tamk", "/orgs/tamk/settings", "/orgs/tamk/members"} {
		r := b.get(path)
		wantStatus(t, r, http.StatusForbidden)
		wantBody(t, r, `<html lang="en">`, "No access")
		if strings.Contains(r.body, "Tamk Designer") || strings.Contains(r.body, "designer@tamk.fi") {
			t.Fatalf("%s leaks members", path)
		}
	}
	tdID := strconv.FormatInt(td.ID, 10)
	posts := map[string]url.Values{
		"/orgs/tamk/settings":                          {"name_fi": {"Kaapattu"}, "country": {"FI"}},
		"/orgs/tamk/invitations":                       {"email": {"eve@hamk.fi"}, "role": {"orgadmin"}},
		"/orgs/tamk/members/" + tdID + "/roles":        {"role": {"orgadmin"}},
		"/orgs/tamk/members/" + tdID + "/roles/remove": {"role": {"designer"}},
	}
	for path, form := range posts {
		r := b.post(path, form)
		wantStatus(t, r, http.StatusForbidden)
	}
	got, _ := e.db.OrgBySlug(ctx, "tamk")
	if got.Name.Get(pokot.Finnish) != "TAMK" {
		t.Fatal("settings of another organisation changed")
	}
	mems, _ := e.db.Members(ctx, tamk.ID)
	if len(mems) != 2 {
		t.Fatalf("members of another organisation changed: %d", len(mems))
	}
	if invs, _ := e.db.Invitations(ctx, tamk.ID, e.clock()); len(invs) != 0 || len(e.mails()) != 0 {
		t.Fatal("invitation created in another organisation")
	}
	// An org admin cannot grant roles to someone outside their organisation either.
	r := b.post("/orgs/hamk/members/"+tdID+"/roles", url.Values{"role": {"learner"}})
	wantStatus(t, r, http.StatusNotFound)
	if ms, _ := e.db.MembershipsOf(ctx, td.ID); len(ms) != 1 {
		t.Fatal("role granted to a non-member")
	}

	// A designer of TAMK sees the organisation but not its management pages.
	d := e.browser()
	d.signin("designer@tamk.fi")
	wantStatus(t, d.get("/orgs/tamk"), http.StatusOK)
	wantStatus(t, d.get("/orgs/tamk/members"), http.StatusForbidden)
	wantStatus(t, d.get("/orgs/tamk/settings"), http.StatusForbidden)
	wantStatus(t, d.get("/admin/orgs"), http.StatusForbidden)
	wantStatus(t, d.get("/orgs/nosuch"), http.StatusNotFound)
}
