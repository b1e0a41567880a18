package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// myRegsSection is the "My registrations" section of the wallet page.
func myRegsSection(t *testing.T, r *resp) string {
	t.Helper()
	i := strings.Index(r.body, `<section aria-labelledby="myregs"`)
	j := strings.Index(r.body[max(i, 0):], "</section>")
	if i < 0 || j < 0 {
		t.Fatalf("no registrations section in\n%s", r.body)
	}
	return r.body[i : i+j]
}

// TestMyRegistrations: the wallet lists the learner's registrations (made signed in or on
// the public form with their address) with title, dates, place and state, and none of
// another learner's; the learner cancels one from the list (with the CSRF token only),
// the seat goes to the first in the waitlist, and another learner's registration cannot
// be cancelled from there.
func TestMyRegistrations(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	leo := w.user("leo@example.fi", "Leo Oppija", false)
	eeva := w.user("eeva@example.fi", "Eeva Muu", false)
	o1, o2 := w.offering(1), w.offering(5)

	// Empty state.
	lb := w.signedIn(leo)
	sec := myRegsSection(t, lb.get("/wallet"))
	if !strings.Contains(sec, "Ilmoittautumiseni") || !strings.Contains(sec, "Et ole ilmoittautunut yhteenkään koulutukseen.") {
		t.Fatalf("empty list:\n%s", sec)
	}

	// Leo registers signed in (and is told on the page), and on the public form with his
	// address but not signed in; Eeva waits behind Leo in o1.
	r := lb.post(publicPath(o1)+"/register", formOf("oneclick", "1"))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Olet ilmoittautunut")
	wantStatus(t, w.visit(publicPath(o2)).post(publicPath(o2)+"/register", regForm("Leo", "Leo@Example.fi")), http.StatusOK)
	w.enrol(o1, "eeva@example.fi")
	w.enrol(o2, "muu@example.fi")
	// Signed in, registering his own address again: told directly.
	r = lb.post(publicPath(o1)+"/register", formOf("oneclick", "1"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Tällä sähköpostiosoitteella on jo ilmoittauduttu")

	sec = myRegsSection(t, lb.get("/wallet"))
	if n := strings.Count(sec, `<li class="wallet-card">`); n != 2 {
		t.Fatalf("Leo's list has %d registrations, want 2:\n%s", n, sec)
	}
	for _, want := range []string{"Hoivarobotiikan perusteet", "20.10.2025", "30.11.2025", "Visamäki, Hämeenlinna",
		"Ilmoittautunut – vahvista sähköpostin linkillä", `href="` + publicPath(o1) + `"`, `href="` + publicPath(o2) + `"`} {
		if !strings.Contains(sec, want) {
			t.Errorf("Leo's list lacks %q:\n%s", want, sec)
		}
	}
	if strings.Contains(sec, "Jonossa") {
		t.Errorf("Leo's list shows Eeva's waitlisted registration:\n%s", sec)
	}
	// In English.
	en := myRegsSection(t, lb.get("/wallet?lang=en"))
	for _, want := range []string{"My registrations", "Basics of care robotics", "Cancel registration"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English list lacks %q", want)
		}
	}
	lb.get("/wallet?lang=fi")

	// Eeva sees her own (waitlisted, with the position) and not Leo's.
	eb := w.signedIn(eeva)
	esec := myRegsSection(t, eb.get("/wallet"))
	if strings.Count(esec, `<li class="wallet-card">`) != 1 || !strings.Contains(esec, "Jonossa, sija 1") {
		t.Fatalf("Eeva's list:\n%s", esec)
	}
	regs, err := w.db.LearnerRegistrations(ctx, leo.ID)
	if err != nil || len(regs) != 2 {
		t.Fatalf("Leo's registrations: %v %v", regs, err)
	}
	var leoO1 *pokot.Registration
	for _, reg := range regs {
		if reg.OfferingID == o1.ID {
			leoO1 = reg
		}
	}
	eevaRegs, _ := w.db.LearnerRegistrations(ctx, eeva.ID)
	cancelPath := func(id int64) string { return "/wallet/registrations/" + strconv.FormatInt(id, 10) + "/cancel" }

	// Without the CSRF token: refused, nothing changes.
	r = lb.post(cancelPath(leoO1.ID), formOf("csrf", ""))
	wantStatus(t, r, http.StatusForbidden)
	// Another learner's registration: not found, nothing changes.
	wantStatus(t, lb.post(cancelPath(eevaRegs[0].ID), nil), http.StatusNotFound)
	wantStatus(t, lb.post(cancelPath(999999), nil), http.StatusNotFound)
	if reg, wait := w.seats(o1); len(reg) != 1 || reg[0] != "leo@example.fi" || len(wait) != 1 {
		t.Fatalf("refused cancels changed the seats: %v %v", reg, wait)
	}

	// Cancelled from the list: the same result as the e-mailed link; Eeva gets the seat.
	lb.get("/wallet")
	r = lb.post(cancelPath(leoO1.ID), nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Leo Oppija, ilmoittautumisesi toteutukseen Hoivarobotiikan perusteet on peruttu.", `href="/wallet#myregs"`)
	if reg, wait := w.seats(o1); len(reg) != 1 || reg[0] != "eeva@example.fi" || len(wait) != 0 {
		t.Fatalf("after Leo cancelled: %v %v", reg, wait)
	}
	if m := w.mailTo("eeva@example.fi"); !strings.HasPrefix(m.Subject, "Sait paikan") {
		t.Fatalf("promoted learner's mail: %q", m.Subject)
	}
	sec = myRegsSection(t, lb.get("/wallet"))
	if !strings.Contains(sec, "Peruttu") || strings.Count(sec, `/cancel"`) != 1 {
		t.Fatalf("after cancelling, the list:\n%s", sec)
	}
	// Twice: the precise message, nothing changes.
	r = lb.post(cancelPath(leoO1.ID), nil)
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Ilmoittautuminen on jo peruttu.")
	esec = myRegsSection(t, eb.get("/wallet"))
	if !strings.Contains(esec, "Ilmoittautunut") || strings.Contains(esec, "Jonossa") {
		t.Fatalf("Eeva's list after the promotion:\n%s", esec)
	}
}

// TestMyRegistrationsCompleted: a registration whose credential has been issued is shown
// as completed, links to the credential and cannot be cancelled.
func TestMyRegistrationsCompleted(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	leo := w.user("leo@example.fi", "Leo Oppija", false)
	cs := w.issuePOK(t, "leo@example.fi")
	sec := myRegsSection(t, w.signedIn(leo).get("/wallet"))
	uuid := strings.TrimPrefix(cs[0].CredentialID, "urn:uuid:")
	if !strings.Contains(sec, "Suoritettu – osaamismerkki myönnetty") || !strings.Contains(sec, `href="/wallet/`+uuid+`"`) ||
		strings.Contains(sec, "/cancel") {
		t.Fatalf("a completed registration:\n%s", sec)
	}
}
