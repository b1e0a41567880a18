package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// checkedRE finds a preselected action on the credential status form.
var checkedRE = regexp.MustCompile(`name="action" value="(\w+)"[^>]* checked`)

// The credential status form preselects nothing for an issued credential, least of all
// the irreversible revocation, even when ?action=revoke asks for it; sending it without a
// choice is refused with a message naming the two possible changes, in the page's
// language, and nothing changes.
func TestCredentialStatusRequiresAChoice(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	c := w.credentialOf("anna@example.fi")
	b := w.signedIn(w.admin)
	sp := offeringPath(w.offering) + "/credentials/" + strings.TrimPrefix(c.CredentialID, "urn:uuid:") + "/status"
	for _, path := range []string{sp, sp + "?action=revoke"} {
		r := b.get(path)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, `name="action" value="revoke"`, `name="action" value="suspend"`)
		if m := checkedRE.FindStringSubmatch(r.body); m != nil {
			t.Errorf("GET %s preselects %q", path, m[1])
		}
	}
	// ?action=suspend, a reversible change, is still honoured.
	if m := checkedRE.FindStringSubmatch(b.get(sp + "?action=suspend").body); m == nil || m[1] != "suspend" {
		t.Errorf("?action=suspend preselects %v", m)
	}
	for lang, want := range map[string]string{
		"fi": "Valitse, keskeytetäänkö todistus vai perutaanko se pysyvästi.",
		"sv": "Välj om intyget ska spärras eller återkallas permanent.",
		"en": "Choose whether to suspend the credential or revoke it permanently.",
	} {
		r := b.post(sp+"?lang="+lang, formOf("reason", "Tarkistetaan", "confirm", "1"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, want, `>Tarkistetaan</textarea>`)
	}
	if got, err := w.db.IssuedCredential(ctx, w.hamk.ID, c.CredentialID); err != nil || got.RevokedAt != nil || got.SuspendedAt != nil {
		t.Fatalf("a form without a choice changed the credential: %+v %v", got, err)
	}
}
