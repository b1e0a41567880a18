package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange/exchangetest"
)

// issuePOK gives each learner a credential for w.mc through a real offering, assessment,
// batch and worker.
func (w *deliveryWorld) issuePOK(t *testing.T, learners ...string) []*pokot.IssuedCredential {
	t.Helper()
	o := w.offering(len(learners))
	w.enrol(o, learners...)
	var rows []pokot.AssessmentRow
	for _, l := range learners {
		for out := 0; out < 2; out++ {
			rows = append(rows, pokot.AssessmentRow{Email: l, Assessment: pokot.Assessment{Outcome: out, Result: "4",
				AssessedOn: time.Date(2025, 10, 21, 0, 0, 0, 0, time.UTC), Supervision: pokot.SupervisedWithID}})
		}
	}
	if err := w.db.ImportAssessments(ctx, w.hamk.ID, o.ID, w.assessor.ID, rows); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.StartIssueBatch(ctx, w.hamk.ID, o.ID, w.assessor.ID); err != nil {
		t.Fatal(err)
	}
	if ran, err := w.worker().RunOnce(ctx); err != nil || !ran {
		t.Fatalf("worker: %v %v", ran, err)
	}
	cs, err := w.db.IssuedCredentials(ctx, w.hamk.ID, o.ID)
	if err != nil || len(cs) != len(learners) {
		t.Fatalf("issued %d: %v", len(cs), err)
	}
	return cs
}

// publishSecond publishes another POK of org by its designer and approver.
func (w *deliveryWorld) publishSecond(t *testing.T, org *pokot.Organisation, designer, approver *pokot.User, title string) *pokot.Microcredential {
	t.Helper()
	c := exchangetest.Content()
	c.Title = pokot.Text{"fi": title, "sv": title + " sv", "en": title + " en"}
	m, _, err := w.db.CreateMicrocredential(ctx, org.ID, designer.ID, "", &c)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		to pokot.Status
		by *pokot.User
	}{{pokot.StatusReview, designer}, {pokot.StatusApproved, approver}, {pokot.StatusPublished, designer}} {
		if _, err := w.db.Transition(ctx, org.ID, m.ID, 1, s.by.ID, s.to, ""); err != nil {
			t.Fatalf("→ %s: %v", s.to, err)
		}
	}
	return m
}

var pathwayLocRE = regexp.MustCompile(`^/orgs/hamk/pathways/(\d+)$`)

func pathwayForm(members []int64, rule, required string) url.Values {
	f := url.Values{"name_fi": {"Hoivarobotiikan tutkinnon osa"}, "name_sv": {"Examensdel i vårdrobotik"}, "name_en": {"Care robotics unit"},
		"target_code": {"106936"}, "target_name_fi": {"Hoivarobotiikka"}, "target_url": {"https://eperusteet.opintopolku.fi/#/fi/ammatillinen/106936"},
		"rule": {rule}, "required": {required}}
	for _, m := range members {
		f.Add("members", strconv.FormatInt(m, 10))
	}
	return f
}

func TestPathways(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	second := w.publishSecond(t, w.hamk, w.designer, w.admin, "Robotin huolto")
	omniaDesigner := w.user("suunnittelija@omnia.fi", "Olga Omnia", false)
	w.member(w.omnia, omniaDesigner, pokot.RoleDesigner)
	omniaAdmin := w.user("admin@omnia.fi", "Oiva Omnia", false)
	w.member(w.omnia, omniaAdmin, pokot.RoleOrgAdmin)
	foreign := w.publishSecond(t, w.omnia, omniaDesigner, omniaAdmin, "Omnian POK")
	creds := w.issuePOK(t, "anna@example.fi", "bertta@example.fi")
	anna := w.user("anna@example.fi", "Anna Oppija", false)

	d := w.signedIn(w.designer)
	wantStatus(t, d.get("/orgs/hamk/pathways"), http.StatusOK)
	r := d.get("/orgs/hamk/pathways/new")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Robotin huolto", "Hoivarobotiikan perusteet")
	if strings.Contains(r.body, "Omnian POK") {
		t.Fatal("another organisation's POK offered as a member")
	}

	// Bad definitions: refused with a precise message, nothing stored.
	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"N > M", pathwayForm([]int64{w.mc.ID, second.ID}, "any", "3"), "Tarvittava määrä on suurempi kuin valittujen osaamiskokonaisuuksien määrä."},
		{"no POKs", pathwayForm(nil, "all", ""), "Valitse vähintään yksi osaamiskokonaisuus."},
		{"unknown POK", pathwayForm([]int64{w.mc.ID, 999999}, "all", ""), "Valittua osaamiskokonaisuutta ei löydy organisaatiosi julkaistuista."},
		{"another organisation's POK", pathwayForm([]int64{foreign.ID}, "all", ""), "Valittua osaamiskokonaisuutta ei löydy organisaatiosi julkaistuista."},
		{"duplicate", pathwayForm([]int64{w.mc.ID, w.mc.ID}, "all", ""), "Sama osaamiskokonaisuus on valittu kahdesti."},
		{"not a number", pathwayForm([]int64{w.mc.ID}, "any", "kaksi"), "Anna tarvittava määrä numerona"},
	} {
		r := d.post("/orgs/hamk/pathways/new", tc.form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, tc.want, `value="Hoivarobotiikan tutkinnon osa"`)
	}
	if ps, _ := w.db.Pathways(ctx, w.hamk.ID); len(ps) != 0 {
		t.Fatalf("%d pathways stored from bad forms", len(ps))
	}

	r = d.post("/orgs/hamk/pathways/new", pathwayForm([]int64{w.mc.ID, second.ID}, "all", ""))
	wantStatus(t, r, http.StatusSeeOther)
	m := pathwayLocRE.FindStringSubmatch(r.Header.Get("Location"))
	if m == nil {
		t.Fatalf("Location %q", r.Header.Get("Location"))
	}
	id := m[1]
	r = d.get("/orgs/hamk/pathways/" + id)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamispolku on tallennettu.", "anna@example.fi", "bertta@example.fi", "1 / 2 suoritettu", "Kesken")

	// Another organisation may neither see nor change it; an assessor may not change it.
	other := w.signedIn(omniaAdmin)
	wantStatus(t, other.get("/orgs/hamk/pathways/"+id), http.StatusForbidden)
	wantStatus(t, other.get("/orgs/hamk/pathways/"+id+"/edit"), http.StatusForbidden)
	other.get("/orgs/omnia/pathways")
	wantStatus(t, other.post("/orgs/hamk/pathways/"+id+"/edit", pathwayForm([]int64{w.mc.ID}, "all", "")), http.StatusForbidden)
	wantStatus(t, other.get("/orgs/omnia/pathways/"+id), http.StatusNotFound)
	as := w.signedIn(w.assessor)
	wantStatus(t, as.get("/orgs/hamk/pathways/"+id), http.StatusOK)
	wantStatus(t, as.post("/orgs/hamk/pathways/"+id+"/edit", pathwayForm([]int64{w.mc.ID}, "all", "")), http.StatusForbidden)
	pid, _ := strconv.ParseInt(id, 10, 64)
	p, err := w.db.Pathway(ctx, pid)
	if err != nil || len(p.Members) != 2 || p.Need() != 2 {
		t.Fatalf("pathway changed: %+v %v", p, err)
	}

	// The public page, and the learner's progress.
	r = w.browser().get("/pathways/" + id)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Hoivarobotiikan tutkinnon osa", "Suorita kaikki 2 osaamiskokonaisuutta.", "tutkinnon osa 106936", "Kirjaudu sisään",
		`href="/signin/link?next=/pathways/`+id+`"`)
	a := w.browser()
	a.signin(anna.Email)
	r = a.get("/pathways/" + id)
	wantBody(t, r, `<progress max="2" value="1"`, "1 / 2 suoritettu", "50 %", "ei vielä suoritettu")
	wantStatus(t, a.get("/pathways/"+id+"/credential.json"), http.StatusNotFound)

	// "Any 1 of 2": saving issues the credential to everyone who already completed it.
	r = d.post("/orgs/hamk/pathways/"+id+"/edit", pathwayForm([]int64{w.mc.ID, second.ID}, "any", "1"))
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, d.get("/orgs/hamk/pathways/"+id), "Polun merkki myönnetty")
	r = a.get("/pathways/" + id)
	wantBody(t, r, "Olet suorittanut polun", "100 %")
	r = a.get("/pathways/" + id + "/credential.json")
	wantStatus(t, r, http.StatusOK)
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
		t.Fatal(err)
	}
	var annaCred string
	for _, c := range creds {
		if c.Email == "anna@example.fi" {
			annaCred = c.CredentialID
		}
	}
	ev := doc["evidence"].([]any)
	if len(ev) != 1 || ev[0].(map[string]any)["id"] != annaCred || doc["proof"] == nil {
		t.Fatalf("pathway credential evidence %v", ev)
	}

	// Pages in Finnish, Swedish and English.
	for _, l := range pokot.Langs {
		for _, c := range []struct {
			b    *browser
			path string
		}{{w.browser(), "/pathways/" + id}, {a, "/pathways/" + id}, {d, "/orgs/hamk/pathways"}, {d, "/orgs/hamk/pathways/new"},
			{d, "/orgs/hamk/pathways/" + id}, {d, "/orgs/hamk/pathways/" + id + "/edit"}} {
			r := c.b.get(c.path + "?lang=" + string(l))
			wantStatus(t, r, http.StatusOK)
			checkPage(t, r, l)
		}
	}
	r = a.get("/pathways/" + id + "?lang=sv")
	wantBody(t, r, "Du har avklarat stigen")
	r = a.get("/pathways/" + id + "?lang=en")
	wantBody(t, r, "You have completed the pathway", "Complete any 1 of these 2 micro-credentials.")

	// A learner who deletes their account is listed as a deleted account, without an address.
	wantBody(t, d.get("/orgs/hamk/pathways/"+id), "anna@example.fi")
	if err := w.db.DeleteUser(ctx, anna.ID); err != nil {
		t.Fatal(err)
	}
	r = d.get("/orgs/hamk/pathways/" + id + "?lang=fi")
	wantBody(t, r, "Poistettu tili")
	if strings.Contains(r.body, "anna@example.fi") || strings.Contains(r.body, "erased.invalid") {
		t.Error("the pathway's learners page shows a deleted learner's address")
	}
}
