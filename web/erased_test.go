package web_test

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
)

// TestErasedLearnerOnStaffPages: after a learner deletes their account (the real
// DeleteUser, which leaves a placeholder address in what the organisation keeps), the
// organisation's pages call them "Deleted account" in the reader's language and show no
// placeholder address — the issuing list, the credential status page, the assessment grid,
// the participants list (seats and cancelled) and its CSV export, whose e-mail cell is
// empty. Another learner is shown as before.
func TestErasedLearnerOnStaffPages(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna.aalto@example.fi", "bertta.berg@example.fi")
	c := w.credentialOf("anna.aalto@example.fi")
	later := w.deliveryWorld.offering(3)
	w.enrol(later, "anna.aalto@example.fi", "bertta.berg@example.fi")
	w.linkSignin(w.browser(), "anna.aalto@example.fi") // makes her account
	u, err := w.db.UserByEmail(ctx, "anna.aalto@example.fi")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.db.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	// What the store left in place of her address: the pages must not show it.
	stored, err := w.db.IssuedCredential(ctx, w.hamk.ID, c.CredentialID)
	if err != nil || stored.Email == c.Email || !strings.HasPrefix(stored.Email, "erased") || stored.Name != "" {
		t.Fatalf("the store left %q %q (%v)", stored.Email, stored.Name, err)
	}

	b := w.signedIn(w.admin)
	base, laterBase := offeringPath(w.offering), offeringPath(later)
	uuid := strings.TrimPrefix(c.CredentialID, "urn:uuid:")
	names := map[string]string{"fi": "Poistettu tili", "sv": "Raderat konto", "en": "Deleted account"}
	for lang, deleted := range names {
		for _, p := range []string{base + "/issuing", base + "/credentials/" + uuid + "/status", base + "/assessment", base + "/participants", laterBase + "/participants"} {
			r := b.get(p + "?lang=" + lang)
			wantStatus(t, r, http.StatusOK)
			if strings.Contains(r.body, stored.Email) {
				t.Errorf("%s %s shows the placeholder address", lang, p)
			}
			wantBody(t, r, deleted)
			if !strings.Contains(p, "/status") {
				wantBody(t, r, "Bertta Berg", "bertta.berg@example.fi")
			}
		}
		r := b.get(base + "/participants.csv?lang=" + lang)
		wantStatus(t, r, http.StatusOK)
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff")))
		cr.Comma = ';'
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var seen int
		for _, row := range rows[1:] {
			switch row[0] {
			case deleted:
				seen++
				if row[1] != "" {
					t.Errorf("%s CSV: the deleted account's e-mail cell is %q", lang, row[1])
				}
			case "Bertta Berg":
				if row[1] != "bertta.berg@example.fi" {
					t.Errorf("%s CSV: bertta's e-mail %q", lang, row[1])
				}
			default:
				t.Errorf("%s CSV: unexpected row %q", lang, row)
			}
		}
		if seen != 1 || strings.Contains(r.body, stored.Email) {
			t.Errorf("%s CSV: %d deleted-account rows, placeholder shown %v:\n%s", lang, seen, strings.Contains(r.body, stored.Email), r.body)
		}
	}
}
