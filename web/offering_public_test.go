package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

// TestCatalogueListsOfferings: a POK's catalogue page lists its offerings that have not
// ended — dates linking to the registration page, place, price, free seats or a full
// offering's waitlist, and where registration stands — so that a learner can find them; an
// ended offering is left out, and a POK without offerings says so, in every language.
func TestCatalogueListsOfferings(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	open := w.offering(3)
	full := w.offering(1)
	w.enrol(full, "anna@example.fi", "bertta@example.fi")
	later := w.offering(5)
	later.RegistrationOpens, later.RegistrationCloses = w.clock().Add(72*time.Hour), w.clock().Add(96*time.Hour)
	if err := w.db.UpdateOffering(ctx, later, w.designer.ID); err != nil {
		t.Fatal(err)
	}
	ended := w.offering(2)
	ended.Starts, ended.Ends = w.clock().AddDate(0, -2, 0), w.clock().AddDate(0, -1, 0)
	if err := w.db.UpdateOffering(ctx, ended, w.designer.ID); err != nil {
		t.Fatal(err)
	}

	page := "/microcredentials/" + itoa(int(w.mc.ID))
	r := w.browser().get(page)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Toteutukset ja ilmoittautuminen",
		`<a href="`+publicPath(open)+`">`, `<a href="`+publicPath(full)+`">`, `<a href="`+publicPath(later)+`">`,
		"Vapaita paikkoja: <strong>3</strong> / 3", "Paikat ovat täynnä – voit ilmoittautua jonoon.", "1 jonossa",
		"Visamäki, Hämeenlinna", "120,50 €", "Ilmoittautuminen on auki", "Ilmoittautuminen alkaa")
	if strings.Contains(r.body, publicPath(ended)) {
		t.Error("the catalogue lists an offering that has ended")
	}
	if i, j := strings.Index(r.body, publicPath(open)), strings.Index(r.body, "Osaamistavoitteet"); i < 0 || j < 0 || i > j {
		t.Error("the offerings are not listed before the learning outcomes")
	}
	for _, c := range []struct{ lang, want string }{
		{"sv", "Genomföranden och anmälan"}, {"en", "Offerings and registration"},
	} {
		wantBody(t, w.browser().get(page+"?lang="+c.lang), c.want)
	}

	// Another published POK without offerings says that there are none.
	other := w.publishedPOK()
	wantBody(t, w.browser().get("/microcredentials/"+itoa(int(other.ID))),
		"Tälle osaamiskokonaisuudelle ei ole nyt tulevia toteutuksia.")
}

// publishedPOK publishes another POK of HAMK with the content of w.mc.
func (w *deliveryWorld) publishedPOK() *pokot.Microcredential {
	w.t.Helper()
	v, err := w.db.MicrocredentialVersion(ctx, w.hamk.ID, w.mc.ID, 1)
	if err != nil {
		w.t.Fatal(err)
	}
	c := v.Content
	c.Title = pokot.Text{"fi": "Toinen osaamiskokonaisuus", "sv": "En annan kompetenshelhet", "en": "Another micro-credential"}
	m, _, err := w.db.CreateMicrocredential(ctx, w.hamk.ID, w.designer.ID, "", &c)
	if err != nil {
		w.t.Fatal(err)
	}
	for _, step := range []struct {
		to pokot.Status
		by *pokot.User
	}{{pokot.StatusReview, w.designer}, {pokot.StatusApproved, w.admin}, {pokot.StatusPublished, w.designer}} {
		if _, err := w.db.Transition(ctx, w.hamk.ID, m.ID, 1, step.by.ID, step.to, ""); err != nil {
			w.t.Fatalf("→ %s: %v", step.to, err)
		}
	}
	return m
}
