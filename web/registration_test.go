package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// mainContent is the page's <main> element, where what a page says is.
func mainContent(t *testing.T, r *resp) string {
	t.Helper()
	i, j := strings.Index(r.body, "<main"), strings.Index(r.body, "</main>")
	if i < 0 || j < i {
		t.Fatalf("no <main> in\n%s", r.body)
	}
	return r.body[i:j]
}

func regForm(name, email string) map[string][]string {
	return formOf("name", name, "email", email, "consent", "1")
}

// visit returns a new visitor's browser that has loaded path (and so holds a CSRF token).
func (w *deliveryWorld) visit(path string) *browser {
	b := w.browser()
	b.get(path)
	return b
}

// seats returns the e-mails holding a seat and waiting, in order.
func (w *deliveryWorld) seats(o *pokot.Offering) (registered, waiting []string) {
	w.t.Helper()
	regs, err := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	if err != nil {
		w.t.Fatal(err)
	}
	for _, r := range regs {
		if r.Status == pokot.RegRegistered {
			registered = append(registered, r.Email)
		} else if r.Status == pokot.RegWaitlisted {
			waiting = append(waiting, r.Email)
		}
	}
	return registered, waiting
}

// TestRegistration: a visitor registers; over capacity the learner waits; the public form
// answers the same page for a new, an already registered and a waitlisted address, and the
// e-mail says which; registering after the window is refused with a precise message and
// changes nothing; cancelling by the e-mailed link gives the seat to the first in the
// waitlist.
func TestRegistration(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(2)
	path := publicPath(o)

	v := w.browser()
	r := v.get(path)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<strong class="seats">2</strong> / 2`, "120,50 €", "Ilmoittautuminen on auki to 9.10.2025 klo 14.00 asti.")
	// Bad input: everything is said, what was typed stays, nothing is stored.
	r = v.post(path+"/register", formOf("name", "", "email", "maija@", "consent", ""))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita nimesi.", "Ilmoittautuminen edellyttää lupaa", `href="#reg-email"`, `value="maija@"`)
	if reg, _ := w.seats(o); len(reg) != 0 {
		t.Fatalf("a rejected form registered %v", reg)
	}

	r = v.post(path+"/register", regForm("Maija Meikäläinen", "Maija@Example.fi"))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Tarkista sähköpostisi", "maija@example.fi")
	first := mainContent(t, r)
	if m := w.mailTo("maija@example.fi"); !strings.Contains(m.Text, "olet ilmoittautunut toteutukseen") {
		t.Fatalf("registration mail: %q", m.Text)
	}
	oldConfirm, oldCancel := registrationLinks(t, w.mailTo("maija@example.fi"))

	// Registered twice (any case of the address), by someone else: the same page, nothing
	// changes; the address is told by e-mail that it is registered already, with new links.
	w.advance(2 * time.Hour) // past the hour in which the first message's links are enough
	r = w.visit(path).post(path+"/register", regForm("Maija M.", "maija@example.FI"))
	wantStatus(t, r, http.StatusOK)
	if again := mainContent(t, r); again != first {
		t.Fatalf("the page for a registered address differs from a new one:\n%s\n---\n%s", first, again)
	}
	if all, _ := w.db.Participants(ctx, w.hamk.ID, o.ID, true); len(all) != 1 || all[0].Name != "Maija Meikäläinen" {
		t.Fatalf("a duplicate registration changed the participants: %d", len(all))
	}
	dup := w.mailTo("maija@example.fi")
	if dup.Subject != "Ilmoittautumisesi: Hoivarobotiikan perusteet" || !strings.Contains(dup.Text, "Hei Maija Meikäläinen,") ||
		!strings.Contains(dup.Text, "Olet jo ilmoittautunut, eikä mitään muutettu.") || strings.Contains(dup.Text, "olet ilmoittautunut toteutukseen") {
		t.Fatalf("already-registered mail: %q\n%s", dup.Subject, dup.Text)
	}
	confirm, cancel := registrationLinks(t, dup)
	if confirm == oldConfirm || cancel == oldCancel {
		t.Fatal("the already-registered mail repeats the old links")
	}
	wantStatus(t, v.post(oldCancel, nil), http.StatusNotFound)
	// Within the hour a third attempt sends nothing more (the page is still the same).
	before := len(w.mails())
	r = w.visit(path).post(path+"/register", regForm("Maija", "maija@example.fi"))
	if wantStatus(t, r, http.StatusOK); mainContent(t, r) != first || len(w.mails()) != before {
		t.Fatalf("a third attempt within the hour: %d new mails", len(w.mails())-before)
	}

	// A signed-in learner registers with one click.
	learner := w.user("leo@example.fi", "Leo Oppija", false)
	lb := w.signedIn(learner)
	r = lb.get(path)
	wantBody(t, r, "Ilmoittaudut nimellä Leo Oppija (leo@example.fi).")
	wantStatus(t, lb.post(path+"/register", formOf("oneclick", "1")), http.StatusOK)
	mine := lb.get(path)
	wantBody(t, mine, "Olet ilmoittautunut tähän toteutukseen.")
	wantBody(t, mine, `<a href="/wallet#myregs">Ilmoittautumiseni</a>`) // where a learner can cancel
	if regs, _ := w.db.RegistrationsOf(ctx, learner.ID); len(regs) != 1 || regs[0].OfferingID != o.ID {
		t.Fatalf("the one-click registration is not the user's: %v", regs)
	}

	// Full: the page says so before and after; the learner waits.
	r = w.browser().get(path)
	wantBody(t, r, "Paikat ovat täynnä.", "Ilmoittaudu jonoon")
	r = w.visit(path).post(path+"/register", regForm("Ville Jonottaja", "ville@example.fi"))
	wantStatus(t, r, http.StatusOK)
	// The waitlist is not said on the page either, only in the mail.
	if got := strings.ReplaceAll(mainContent(t, r), "ville@example.fi", "maija@example.fi"); got != first {
		t.Fatalf("the page for a waitlisted address differs:\n%s", got)
	}
	if !strings.Contains(w.mailTo("ville@example.fi").Text, "sijalla 1") {
		t.Error("the waitlist mail does not say the position")
	}
	reg, wait := w.seats(o)
	if len(reg) != 2 || len(wait) != 1 || wait[0] != "ville@example.fi" {
		t.Fatalf("seats %v, waiting %v", reg, wait)
	}

	// The confirmation link: opening it changes nothing, the button confirms.
	wantBody(t, v.get(confirm), "Vahvista ilmoittautuminen")
	if regs, _ := w.db.Participants(ctx, w.hamk.ID, o.ID, false); regs[0].ConfirmedAt != nil {
		t.Fatal("opening the link confirmed")
	}
	wantBody(t, v.post(confirm, nil), "Kiitos, Maija Meikäläinen!")
	if regs, _ := w.db.Participants(ctx, w.hamk.ID, o.ID, false); regs[0].ConfirmedAt == nil {
		t.Fatal("not confirmed")
	}

	// Cancelling by the link moves the first in the waitlist up, who is e-mailed.
	wantBody(t, v.get(cancel), "Haluatko perua ilmoittautumisesi?")
	if reg, _ := w.seats(o); len(reg) != 2 {
		t.Fatal("opening the cancel link cancelled")
	}
	r = v.post(cancel, nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "on peruttu")
	reg, wait = w.seats(o)
	if len(wait) != 0 || len(reg) != 2 || !strings.Contains(strings.Join(reg, " "), "ville@example.fi") {
		t.Fatalf("after cancelling: seats %v, waiting %v", reg, wait)
	}
	if m := w.mailTo("ville@example.fi"); !strings.HasPrefix(m.Subject, "Sait paikan") {
		t.Fatalf("promoted learner's mail: %q", m.Subject)
	}
	// Cancelling again: a precise message, nothing changes.
	r = v.post(cancel, nil)
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Ilmoittautuminen on jo peruttu.")
	wantStatus(t, v.post("/registrations/cancel/not-a-token", nil), http.StatusNotFound)

	// After the window (the form was opened while it was open): refused, nothing stored.
	late := w.visit(path)
	w.advance(72 * time.Hour)
	r = w.browser().get(path)
	wantBody(t, r, "Ilmoittautuminen on päättynyt.")
	before = len(w.mails())
	r = late.post(path+"/register", regForm("Myöhäinen", "late@example.fi"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Ilmoittautuminen on päättynyt.", "Mitään ei muutettu.")
	all, _ := w.db.Participants(ctx, w.hamk.ID, o.ID, true)
	for _, x := range all {
		if x.Email == "late@example.fi" {
			t.Fatal("a registration after the window was stored")
		}
	}
	if len(w.mails()) != before {
		t.Fatal("a refused registration sent mail")
	}
}

// TestParticipants: the organisation sees seats and the waitlist and exports them as an
// Excel-friendly CSV; staff cancelling a seat moves the waitlist up.
func TestParticipants(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(1)
	w.enrol(o, "eka@example.fi", "toka@example.fi", "=cmd@example.fi")
	b := w.signedIn(w.admin)
	base := offeringPath(o)
	r := b.get(base + "/participants")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "eka@example.fi", "toka@example.fi", "Jono", "1/1 paikkaa varattu, 2 jonossa")
	r = b.get(base + "/participants.csv")
	wantStatus(t, r, http.StatusOK)
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="osallistujat-`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if !strings.HasPrefix(r.body, "\ufeffNimi;Sähköposti;Tila;Jonosija") || !strings.Contains(r.body, "\r\n") ||
		!strings.Contains(r.body, "toka@example.fi;jonossa;1;") || !strings.Contains(r.body, "'=cmd@example.fi") {
		t.Fatalf("CSV:\n%s", r.body)
	}
	regs, _ := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	r = b.post(base+"/participants/"+itoa(int(regs[0].ID))+"/cancel", map[string][]string{"confirm": {"yes"}})
	wantStatus(t, r, http.StatusSeeOther)
	reg, wait := w.seats(o)
	if len(reg) != 1 || reg[0] != "toka@example.fi" || len(wait) != 1 {
		t.Fatalf("after staff cancel: %v %v", reg, wait)
	}
	r = b.post(base+"/participants/"+itoa(int(regs[0].ID))+"/cancel", map[string][]string{"confirm": {"yes"}})
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Ilmoittautuminen on jo peruttu.")
}
