package web_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/status"
)

var batchPathRE = regexp.MustCompile(`/issuing/(\d+)$`)

// TestIssuing: "Myönnä todistukset" starts a batch for the learners who passed; the progress
// page and its JSON read the batch from the database; the worker issues one credential per
// passed learner, and starting again issues nothing twice; revoking asks for a reason and a
// confirmation, changes the status list at once, and revoking twice is refused.
func TestIssuing(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "anna@example.fi", "bertta@example.fi", "cecilia@example.fi")
	b := w.signedIn(w.assessor)
	base := offeringPath(o)
	b.get(base + "/assessment")
	r := b.post(base+"/assessment", w.gridValues(o, map[string][2]string{
		"anna@example.fi": {"4", "5"}, "bertta@example.fi": {"3", "3"}, "cecilia@example.fi": {"5", "hylätty"}}, "2025-10-21", ""))
	wantStatus(t, r, http.StatusSeeOther)

	r = b.get(base + "/issuing")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "2 oppijaa on suorittanut", "odottaa myöntämistä", "ei vielä suoritettu")
	r = b.post(base+"/issuing", nil)
	wantStatus(t, r, http.StatusSeeOther)
	loc := r.Header.Get("Location")
	if !batchPathRE.MatchString(loc) {
		t.Fatalf("Location %q", loc)
	}
	r = b.get(loc)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<progress id="batch-progress" max="2" value="0"`, "Päivitä", "jonossa", "Voit poistua sivulta")
	var p struct {
		Status      string
		Total, Done int
		Finished    bool
	}
	pr := b.get(loc + "/progress")
	if err := json.Unmarshal([]byte(pr.body), &p); err != nil || p.Status != pokot.BatchQueued || p.Total != 2 || p.Finished {
		t.Fatalf("progress %s (%v)", pr.body, err)
	}
	// A second start while the batch waits: refused, nothing changes.
	r = b.post(base+"/issuing", nil)
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Edellinen erä on vielä kesken.")

	// The worker runs the batch, as serve does.
	ran, err := w.worker().RunOnce(ctx)
	if err != nil || !ran {
		t.Fatalf("worker: ran %v, %v", ran, err)
	}
	pr = b.get(loc + "/progress")
	if err := json.Unmarshal([]byte(pr.body), &p); err != nil || p.Status != pokot.BatchDone || p.Done != 2 || !p.Finished {
		t.Fatalf("progress after the run %s (%v)", pr.body, err)
	}
	wantBody(t, b.get(loc), `<progress id="batch-progress" max="2" value="2"`, "valmis")
	cs, err := w.db.IssuedCredentials(ctx, w.hamk.ID, o.ID)
	if err != nil || len(cs) != 2 {
		t.Fatalf("issued %d credentials (%v), want 2", len(cs), err)
	}
	for _, c := range cs {
		if c.State != pokot.CredentialIssued || (c.Email != "anna@example.fi" && c.Email != "bertta@example.fi") {
			t.Fatalf("credential %s %s", c.Email, c.State)
		}
	}

	// Again: nobody is waiting, nothing is issued twice.
	r = b.post(base+"/issuing", nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kukaan ei odota todistusta")
	if ran, _ := w.worker().RunOnce(ctx); ran {
		t.Fatal("the worker found another job")
	}
	if cs, _ := w.db.IssuedCredentials(ctx, w.hamk.ID, o.ID); len(cs) != 2 {
		t.Fatalf("%d credentials after a retry", len(cs))
	}
	r = b.get(base + "/issuing")
	wantBody(t, r, "myönnetty", "Muuta tilaa")

	// Revoke: a reason is required, then a confirmation; only then the status changes.
	c := cs[0]
	sp := base + "/credentials/" + c.CredentialID[len("urn:uuid:"):] + "/status"
	wantStatus(t, b.get(sp), http.StatusOK)
	r = b.post(sp, formOf("action", "revoke", "reason", " "))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Kirjoita syy")
	r = b.post(sp, formOf("action", "revoke", "reason", "Arvosana kirjattiin väärin"))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Peruttu todistus ei palaa voimaan", "Vahvista peruminen", `value="Arvosana kirjattiin väärin"`)
	if got, _ := w.db.IssuedCredential(ctx, w.hamk.ID, c.CredentialID); got.RevokedAt != nil {
		t.Fatal("revoked before the confirmation")
	}
	r = b.post(sp, formOf("action", "revoke", "reason", "Arvosana kirjattiin väärin", "confirm", "1"))
	wantStatus(t, r, http.StatusSeeOther)
	got, _ := w.db.IssuedCredential(ctx, w.hamk.ID, c.CredentialID)
	if got.RevokedAt == nil || got.StatusReason != "Arvosana kirjattiin väärin" {
		t.Fatalf("after revoking: %+v", got)
	}
	// The published status list has the value 2 (revoked) at the credential's two bits.
	if v := w.valueInList(t, got); v != status.ValueRevoked {
		t.Fatalf("the status list has %d, not the revocation", v)
	}
	r = b.get(base + "/issuing")
	wantBody(t, r, "peruttu", "Arvosana kirjattiin väärin")
	// Revoking twice: a precise message, nothing changes.
	r = b.post(sp, formOf("action", "revoke", "reason", "Uudelleen", "confirm", "1"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Todistus on jo peruttu.", "Mitään ei muutettu.")
	if again, _ := w.db.IssuedCredential(ctx, w.hamk.ID, c.CredentialID); again.StatusReason != "Arvosana kirjattiin väärin" {
		t.Fatal("a refused revocation changed the reason")
	}
	// A revoked credential's page offers nothing, and says why.
	r = b.get(sp)
	wantBody(t, r, "Perumista ei voi ottaa takaisin")
	if regexp.MustCompile(`name="action" value="(suspend|reinstate)"`).MatchString(r.body) {
		t.Fatal("a revoked credential offers suspend or reinstate")
	}
	r = b.post(sp, formOf("action", "suspend", "reason", "Tarkistetaan"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "sitä ei voi keskeyttää eikä palauttaa voimaan", "Mitään ei muutettu.")

	// Suspend an Open Badge, lift the suspension, suspend again: each with a reason and a
	// confirmation, each in the published list at once.
	c2 := cs[1]
	sp2 := base + "/credentials/" + c2.CredentialID[len("urn:uuid:"):] + "/status"
	r = b.get(sp2)
	wantBody(t, r, `value="suspend"`, "Todistus ei kelpaa tarkistuksessa, kunnes keskeytys puretaan.")
	if regexp.MustCompile(`value="suspend"[^>]*disabled`).MatchString(r.body) {
		t.Fatal("suspension is offered disabled")
	}
	r = b.post(sp2, formOf("action", "reinstate", "reason", "Ei keskeytetty"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Todistus ei ole keskeytetty.")
	r = b.post(sp2, formOf("action", "suspend", "reason", "Näyttö tarkistetaan"))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Vahvista keskeytys")
	if v := w.valueInList(t, c2); v != status.ValueValid {
		t.Fatalf("suspended before the confirmation: %d", v)
	}
	r = b.post(sp2, formOf("action", "suspend", "reason", "Näyttö tarkistetaan", "confirm", "1"))
	wantStatus(t, r, http.StatusSeeOther)
	if v := w.valueInList(t, c2); v != status.ValueSuspended {
		t.Fatalf("after suspending the list has %d", v)
	}
	wantBody(t, b.get(base+"/issuing"), "keskeytetty", "Näyttö tarkistetaan")
	r = b.get(sp2)
	wantBody(t, r, `value="reinstate" checked`, "Pura keskeytys")
	r = b.post(sp2, formOf("action", "suspend", "reason", "Uudelleen", "confirm", "1"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Todistus on jo keskeytetty")
	r = b.post(sp2, formOf("action", "reinstate", "reason", "Näyttö oli kunnossa", "confirm", "1"))
	wantStatus(t, r, http.StatusSeeOther)
	if v := w.valueInList(t, c2); v != status.ValueValid {
		t.Fatalf("after lifting the list has %d", v)
	}
	if got, _ := w.db.IssuedCredential(ctx, w.hamk.ID, c2.CredentialID); got.SuspendedAt != nil || got.StatusReason != "Näyttö oli kunnossa" {
		t.Fatalf("after lifting: %+v", got)
	}
	// Another organisation's assessor cannot touch it.
	omnia := w.signedIn(w.omniaAsses)
	wantStatus(t, omnia.get(sp), http.StatusForbidden)
}

// valueInList fetches the organisation's published message status list, as any verifier
// would, and reads the credential's two-bit value (0 valid, 1 suspended, 2 revoked).
func (w *deliveryWorld) valueInList(t *testing.T, c *pokot.IssuedCredential) int {
	t.Helper()
	r := w.browser().get("/orgs/hamk/status/message/" + itoa(c.StatusList))
	wantStatus(t, r, http.StatusOK)
	var vc struct {
		CredentialSubject struct {
			StatusPurpose string `json:"statusPurpose"`
			EncodedList   string `json:"encodedList"`
		} `json:"credentialSubject"`
	}
	if err := json.Unmarshal([]byte(r.body), &vc); err != nil {
		t.Fatal(err)
	}
	if vc.CredentialSubject.StatusPurpose != "message" {
		t.Fatalf("statusPurpose %q", vc.CredentialSubject.StatusPurpose)
	}
	l, err := status.Decode(vc.CredentialSubject.EncodedList)
	if err != nil {
		t.Fatal(err)
	}
	l, err = l.WithStatusSize(2)
	if err != nil {
		t.Fatal(err)
	}
	v, err := l.Value(c.StatusIndex)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCredentialStatusReference: the page that every Open Badge's status entry names as
// statusReference explains the four values in Finnish, Swedish and English.
func TestCredentialStatusReference(t *testing.T) {
	t.Parallel()
	w := newDeliveryWorld(t)
	for lang, want := range map[string][]string{
		"fi": {"Osaamismerkin tilatieto", "Keskeytetty:", "Peruttu:", "<code>0x1</code>", "<code>suspended</code>"},
		"sv": {"Statusuppgiften för ett kompetensmärke", "Spärrat:", "Återkallat:"},
		"en": {"The status of a credential", "Suspended:", "Revoked:", "must support"},
	} {
		r := w.browser().get("/credential-status?lang=" + lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, want...)
	}
}
