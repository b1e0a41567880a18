package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestOrgAdminCreatesOffering: a rejected form keeps what was typed and says what is wrong
// at the top and at each field; a good one stores the offering, shown on the list with its
// seats and on a public page with free seats.
func TestOrgAdminCreatesOffering(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	b := w.signedIn(w.admin)
	r := b.get("/orgs/hamk/offerings")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Hoivarobotiikan perusteet", "Tällä POKilla ei ole vielä toteutuksia")
	newPath := "/orgs/hamk/offerings/new?pok=" + itoa(int(w.mc.ID))
	r = b.get(newPath)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Jotpan asianumero", "Arvo Arvioija", "Toini Toinen")

	bad := formOf("starts", "2025-11-30", "ends", "2025-10-20", "place_fi", "", "language", "fi", "capacity", "kaksi",
		"reg_opens", "2025-10-01T09:00", "reg_closes", "2025-10-15T16:00", "price", "120,505", "jotpa_case", "")
	r = b.post(newPath, bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `href="#offering-capacity"`, `href="#offering-price"`, "Paikkoja on oltava 1–100 000.",
		"Kirjoita hinta euroina", `value="kaksi"`, `value="120,505"`, `value="2025-11-30"`)
	if offs, _ := w.db.OfferingsOf(ctx, w.hamk.ID, w.mc.ID); len(offs) != 0 {
		t.Fatalf("a rejected form stored %d offerings", len(offs))
	}
	// Parsable but invalid: the store's rules come back at their fields.
	bad.Set("capacity", "20")
	bad.Set("price", "120,50")
	r = b.post(newPath, bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Päättymispäivä on ennen alkamispäivää.", "Kirjoita paikka tai merkitse", "Jotpan rahoittamalle toteutukselle tarvitaan",
		`href="#offering-ends"`, `href="#offering-place_fi"`, `href="#offering-jotpa_case"`)

	good := formOf("starts", "2025-10-20", "ends", "2025-11-30", "schedule_fi", "tiistaisin klo 14–16", "place_fi", "Visamäki, Hämeenlinna",
		"online", "1", "language", "fi", "capacity", "2", "reg_opens", "2025-10-01T09:00", "reg_closes", "2025-10-15T16:00",
		"price", "120,50", "jotpa_case", "JOTPA/12/2025", "assessors", itoa(int(w.assessor.ID)))
	r = b.post(newPath, good)
	wantStatus(t, r, http.StatusSeeOther)
	loc := r.Header.Get("Location")
	if !offeringIDRE.MatchString(loc) {
		t.Fatalf("Location %q", loc)
	}
	offs, err := w.db.OfferingsOf(ctx, w.hamk.ID, w.mc.ID)
	if err != nil || len(offs) != 1 {
		t.Fatalf("offerings %v, %v", offs, err)
	}
	o := offs[0]
	if o.Capacity != 2 || o.PriceCents != 12050 || !o.Online || o.JotpaCaseNumber != "JOTPA/12/2025" ||
		len(o.Assessors) != 1 || o.Assessors[0] != w.assessor.ID || o.RegistrationOpens.UTC().Hour() != 6 {
		t.Fatalf("stored %+v", o)
	}
	r = b.get(loc)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "ma 20.10.2025 – su 30.11.2025", "ke 1.10.2025 klo 9.00", "120,50 €", "Arvo Arvioija", "JOTPA/12/2025")
	wantBody(t, b.get(loc+"?lang=en"), "€120.50", "Wed 1 Oct 2025, 9:00")

	// Editing keeps the stored values in the form and saves changes.
	r = b.get(loc + "/edit?lang=fi")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `value="120,50"`, `value="2025-10-01T09:00"`, `value="JOTPA/12/2025"`)
	good.Set("capacity", "30")
	wantStatus(t, b.post(loc+"/edit", good), http.StatusSeeOther)
	if got, _ := w.db.Offering(ctx, w.hamk.ID, o.ID); got.Capacity != 30 {
		t.Fatalf("capacity %d after edit", got.Capacity)
	}
	// The public page shows free seats; the list shows the offering.
	r = w.browser().get(publicPath(o))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<strong class="seats">30</strong> / 30`, "Ilmoittaudu")
	wantBody(t, b.get("/orgs/hamk/offerings?lang=fi"), "0/30 paikkaa varattu")
}

// TestOfferingAccess: an assessor of another organisation gets 403 on every page of the
// offering; an assessor not chosen for the offering may look but not assess; a designer
// cannot assess; an assessor cannot edit the offering.
func TestOfferingAccess(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "a@example.fi")
	base := offeringPath(o)
	omnia := w.signedIn(w.omniaAsses)
	for _, p := range []string{"/orgs/hamk/offerings", base, base + "/participants", base + "/participants.csv",
		base + "/assessment", base + "/issuing", base + "/edit"} {
		wantStatus(t, omnia.get(p), http.StatusForbidden)
	}
	omnia.get("/dashboard")
	wantStatus(t, omnia.post(base+"/assessment", formOf()), http.StatusForbidden)
	wantStatus(t, omnia.post(base+"/issuing", formOf()), http.StatusForbidden)

	other := w.signedIn(w.other)
	r := other.get(base + "/assessment")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Voit katsoa arviointeja")
	wantStatus(t, other.post(base+"/assessment", formOf()), http.StatusForbidden)
	wantStatus(t, other.get(base+"/edit"), http.StatusForbidden)

	ass := w.signedIn(w.assessor)
	wantStatus(t, ass.get(base+"/edit"), http.StatusForbidden)
	wantStatus(t, ass.get("/orgs/hamk/offerings/new?pok="+itoa(int(w.mc.ID))), http.StatusForbidden)
	if strings.Contains(ass.get(base).body, base+"/edit") {
		t.Error("an assessor is offered the edit link")
	}
	_ = pokot.RoleAssessor
}
