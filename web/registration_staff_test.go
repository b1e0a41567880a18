package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestStaffCancelAsksFirst: the participants list links to a confirmation page that names
// the learner and says who gets the seat; only its form (confirm=yes) cancels, and the
// waitlist still moves up. A POST without the confirmation (an old form, a script) shows
// the same page and changes nothing; staff of another role cannot cancel.
func TestStaffCancelAsksFirst(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(1)
	w.enrol(o, "eka@example.fi", "toka@example.fi", "kolmas@example.fi")
	regs, err := w.db.Participants(ctx, w.hamk.ID, o.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	var seat, second string
	for _, r := range regs {
		switch r.Email {
		case "eka@example.fi":
			seat = itoa(int(r.ID))
		case "kolmas@example.fi":
			second = itoa(int(r.ID))
		}
	}
	base := offeringPath(o)
	cancelPath := base + "/participants/" + seat + "/cancel"

	b := w.signedIn(w.admin)
	r := b.get(base + "/participants")
	wantStatus(t, r, http.StatusOK)
	if !strings.Contains(r.body, `href="`+cancelPath+`"`) || strings.Contains(r.body, `action="`+cancelPath+`"`) {
		t.Fatalf("the list should link to the confirmation page, not cancel at once:\n%s", r.body)
	}

	r = b.get(cancelPath)
	wantStatus(t, r, http.StatusOK)
	body := html.UnescapeString(r.body)
	for _, want := range []string{"Perutaanko ilmoittautuminen?", nameOf("eka@example.fi"), "eka@example.fi", "Paikka varattu",
		"Jonon ensimmäinen (" + nameOf("toka@example.fi") + ") saa paikan", `name="confirm" value="yes"`, `action="` + cancelPath + `"`,
		`href="` + base + `/participants"`} {
		if !strings.Contains(body, want) {
			t.Errorf("confirmation page lacks %q", want)
		}
	}
	if reg, _ := w.seats(o); len(reg) != 1 || reg[0] != "eka@example.fi" {
		t.Fatalf("opening the page changed the seats: %v", reg)
	}

	// A POST without the confirmation only shows the question.
	r = b.post(cancelPath, nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Perutaanko ilmoittautuminen?")
	if reg, _ := w.seats(o); len(reg) != 1 || reg[0] != "eka@example.fi" {
		t.Fatalf("an unconfirmed POST cancelled: %v", reg)
	}
	// An assessor who may not edit the offering cannot cancel, confirmed or not.
	as := w.signedIn(w.assessor)
	wantStatus(t, as.get(cancelPath), http.StatusForbidden)
	wantStatus(t, as.post(cancelPath, url.Values{"confirm": {"yes"}}), http.StatusForbidden)

	b.get(cancelPath)
	r = b.post(cancelPath, url.Values{"confirm": {"yes"}})
	wantStatus(t, r, http.StatusSeeOther)
	reg, wait := w.seats(o)
	if len(reg) != 1 || reg[0] != "toka@example.fi" || len(wait) != 1 || wait[0] != "kolmas@example.fi" {
		t.Fatalf("after the confirmed cancel: %v %v", reg, wait)
	}
	if m := w.mailTo("toka@example.fi"); m == nil {
		t.Fatal("the learner who moved up got no e-mail")
	}
	// Once cancelled, the page says so instead of asking again.
	wantStatus(t, b.get(cancelPath), http.StatusConflict)

	// A learner in the waitlist: the page says the others move up; no seat changes hands.
	r = b.get(base + "/participants/" + second + "/cancel?lang=sv")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Annullera anmälan?", "I kö, plats 1", "tas bort ur kön")
	r = b.post(base+"/participants/"+second+"/cancel", url.Values{"confirm": {"yes"}})
	wantStatus(t, r, http.StatusSeeOther)
	if reg, wait := w.seats(o); len(reg) != 1 || reg[0] != "toka@example.fi" || len(wait) != 0 {
		t.Fatalf("after cancelling the waitlisted: %v %v", reg, wait)
	}
	// Another offering's registration id under this offering's path is not found.
	other := w.offering(1)
	w.enrol(other, "muu@example.fi")
	oregs, _ := w.db.Participants(ctx, w.hamk.ID, other.ID, false)
	wantStatus(t, b.get(base+"/participants/"+itoa(int(oregs[0].ID))+"/cancel"), http.StatusNotFound)
}
