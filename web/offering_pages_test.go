package web_test

import (
	"net/http"
	"testing"

	"github.com/pokot/pokot"
)

// TestDeliveryPagesInEveryLanguage renders every page of running a POK — staff and public,
// empty and filled, accepted and rejected — in fi, sv and en, and checks that no catalog
// key is missing, ids are unique and every label and description points at an element.
func TestDeliveryPagesInEveryLanguage(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	empty := w.offering(3)
	o := w.offering(1)
	w.enrol(o, "anna@example.fi", "bertta@example.fi")
	ab := w.signedIn(w.assessor)
	base := offeringPath(o)
	ab.get(base + "/assessment")
	wantStatus(t, ab.post(base+"/assessment", w.gridValues(o, map[string][2]string{"anna@example.fi": {"4", "5"}}, "2025-10-21", "")), http.StatusSeeOther)
	wantStatus(t, ab.post(base+"/issuing", nil), http.StatusSeeOther)
	bs, _ := w.db.IssueBatches(ctx, w.hamk.ID, o.ID)
	if _, err := w.worker().RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	cs, _ := w.db.IssuedCredentials(ctx, w.hamk.ID, o.ID)
	if len(bs) != 1 || len(cs) != 1 {
		t.Fatalf("batches %d, credentials %d", len(bs), len(cs))
	}
	batch := base + "/issuing/" + itoa(int(bs[0].ID))
	status := base + "/credentials/" + cs[0].CredentialID[len("urn:uuid:"):] + "/status"
	admin := w.signedIn(w.admin)
	staff := []string{"/orgs/hamk/offerings", "/orgs/hamk/offerings?pok=" + itoa(int(w.mc.ID)),
		"/orgs/hamk/offerings/new?pok=" + itoa(int(w.mc.ID)), base, base + "/edit", base + "/participants",
		base + "/assessment", base + "/issuing", batch, status, offeringPath(empty), offeringPath(empty) + "/participants",
		offeringPath(empty) + "/assessment", offeringPath(empty) + "/issuing"}
	visitor := w.browser()
	visitor.get(publicPath(empty))
	wantStatus(t, visitor.post(publicPath(empty)+"/register", regForm("Maija", "maija@example.fi")), http.StatusOK)
	confirm, cancel := registrationLinks(t, w.mailTo("maija@example.fi"))
	for _, l := range pokot.Langs {
		q := "lang=" + string(l)
		check := func(r *resp, want int) {
			t.Helper()
			wantStatus(t, r, want)
			checkPage(t, r, l)
		}
		for _, p := range staff {
			check(admin.get(p+sep(p)+q), http.StatusOK)
		}
		// Rejected forms, in the language just chosen.
		ab.get("/dashboard?" + q)
		check(admin.post(base+"/edit", formOf("capacity", "x")), http.StatusUnprocessableEntity)
		check(ab.post(base+"/assessment", w.gridValues(o, map[string][2]string{"anna@example.fi": {"4", "5"}}, "", "ftp://x")), http.StatusUnprocessableEntity)
		check(ab.uploadCSV(base+"/assessment/import", "x.csv", []byte("email;outcome;result;assessedOn\r\nx@example.fi;9;9;x\r\n")), http.StatusUnprocessableEntity)
		check(admin.post(status, formOf("action", "revoke", "reason", "")), http.StatusUnprocessableEntity)
		check(admin.post(status, formOf("action", "revoke", "reason", "Testi")), http.StatusOK)
		// Public pages: open with seats, full, signed in, the links.
		check(visitor.get(publicPath(empty)+"?"+q), http.StatusOK)
		check(visitor.get(publicPath(o)+"?"+q), http.StatusOK)
		check(visitor.post(publicPath(empty)+"/register", formOf("name", "", "email", "x")), http.StatusUnprocessableEntity)
		check(visitor.post(publicPath(o)+"/register", regForm("Jonottaja "+string(l), string(l)+"@example.fi")), http.StatusOK)
		// An address registered already: the same page as a new one (the e-mail says which).
		check(visitor.post(publicPath(o)+"/register", regForm("Jonottaja", string(l)+"@example.fi")), http.StatusOK)
		check(ab.get(publicPath(o)+"?"+q), http.StatusOK)
		check(visitor.get(confirm+"?"+q), http.StatusOK)
		check(visitor.get(cancel+"?"+q), http.StatusOK)
		check(visitor.post(confirm, nil), http.StatusOK)
		check(visitor.post("/registrations/cancel/nope", nil), http.StatusNotFound)
	}
}
