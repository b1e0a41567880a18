package web_test

import (
	"net/http"
	"strconv"
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

// TestRegistrationThrottledKeepsForm: the throttled form keeps what the visitor typed.
func TestRegistrationThrottledKeepsForm(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(50)
	var r *resp
	for i := 0; i < 12; i++ {
		r = w.visit(publicPath(o)).post(publicPath(o)+"/register", regForm("Maija Meikäläinen", "maija@example.fi"))
		if r.StatusCode == http.StatusTooManyRequests {
			break
		}
	}
	wantStatus(t, r, http.StatusTooManyRequests)
	wantBody(t, r, `value="Maija Meikäläinen"`, `value="maija@example.fi"`)
}

// TestCancelCompletedRegistration: a registration whose credential has been issued cannot
// be cancelled, neither from the wallet's list (a hand-made POST) nor by the e-mailed
// link; the precise message is shown and the seat stays taken.
func TestCancelCompletedRegistration(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	leo := w.user("leo@example.fi", "Leo Oppija", false)
	cs := w.issuePOK(t, "leo@example.fi")
	regs, err := w.db.LearnerRegistrations(ctx, leo.ID)
	if err != nil || len(regs) != 1 || cs[0].RegistrationID != regs[0].ID {
		t.Fatalf("Leo's registrations %v %v", regs, err)
	}
	lb := w.signedIn(leo)
	lb.get("/wallet")
	r := lb.post("/wallet/registrations/"+strconv.FormatInt(regs[0].ID, 10)+"/cancel", nil)
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Tämän ilmoittautumisen osaamismerkki on myönnetty tai myönnettävänä")

	// The e-mailed link: new links by the "already registered" message.
	w.advance(2 * time.Hour)
	o, err := w.db.Offering(ctx, regs[0].OrgID, regs[0].OfferingID)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, w.visit(publicPath(o)).post(publicPath(o)+"/register", regForm("Leo", "leo@example.fi")), http.StatusOK)
	_, cancel := registrationLinks(t, w.mailTo("leo@example.fi"))
	v := w.browser()
	v.get(cancel)
	r = v.post(cancel, nil)
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Tämän ilmoittautumisen osaamismerkki on myönnetty tai myönnettävänä")
	if reg, _ := w.seats(o); len(reg) != 1 || reg[0] != "leo@example.fi" {
		t.Fatalf("seats after refused cancels: %v", reg)
	}
}
