package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// dupMails counts the "already registered" messages to addr about the POK.
func (w *deliveryWorld) dupMails(addr, subject string) int {
	n := 0
	for _, m := range w.mails() {
		if m.To == addr && m.Subject == subject {
			n++
		}
	}
	return n
}

// TestAlreadyRegisteredPerOffering: the "already registered" message is throttled per
// offering, not per address: a learner registered in two offerings whose address is typed
// into both forms in the same hour gets a message about each. Within the hour after the
// registration nothing is sent, even across a clock hour (the throttle's window).
func TestAlreadyRegisteredPerOffering(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	a, b := w.offering(5), w.offering(5)
	w.enrol(a, "leo@example.fi")
	w.enrol(b, "leo@example.fi")
	const subject = "Ilmoittautumisesi: Hoivarobotiikan perusteet"

	// 11:00 + 50 min → 11:50, then 12:05: a new clock hour, but within the hour after the
	// registration: nothing.
	w.advance(50 * time.Minute)
	late := w.offering(5)
	w.enrol(late, "late@example.fi")
	w.advance(15 * time.Minute)
	wantStatus(t, w.visit(publicPath(late)).post(publicPath(late)+"/register", regForm("Late", "late@example.fi")), http.StatusOK)
	if n := w.dupMails("late@example.fi", subject); n != 0 {
		t.Fatalf("%d messages within the hour after the registration", n)
	}

	w.advance(2 * time.Hour)
	for _, o := range []*pokot.Offering{a, b} {
		wantStatus(t, w.visit(publicPath(o)).post(publicPath(o)+"/register", regForm("Leo", "leo@example.fi")), http.StatusOK)
	}
	if n := w.dupMails("leo@example.fi", subject); n != 2 {
		t.Fatalf("%d already-registered messages, want one for each offering", n)
	}
	// Again in the same hour: nothing more.
	wantStatus(t, w.visit(publicPath(a)).post(publicPath(a)+"/register", regForm("Leo", "leo@example.fi")), http.StatusOK)
	if n := w.dupMails("leo@example.fi", subject); n != 2 {
		t.Fatalf("%d already-registered messages after a repeat, want 2", n)
	}
}

// TestAlreadyRegisteredLanguage: the message is in the registration's language, not in
// that of the visitor who typed the address (a Swedish page, a Finnish registration).
func TestAlreadyRegisteredLanguage(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "aino@example.fi") // in Finnish
	w.advance(2 * time.Hour)
	v := w.browser()
	wantBody(t, v.get(publicPath(o)+"?lang=sv"), `lang="sv"`)
	wantStatus(t, v.post(publicPath(o)+"/register", regForm("Aino", "aino@example.fi")), http.StatusOK)
	m := w.mailTo("aino@example.fi")
	if m.Subject != "Ilmoittautumisesi: Hoivarobotiikan perusteet" || !strings.Contains(m.Text, "Olet jo ilmoittautunut") {
		t.Fatalf("the message is not in Finnish: %q\n%s", m.Subject, m.Text)
	}
}
