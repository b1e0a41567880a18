package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// The credential status page's title names all three actions, lifting a suspension
// included, in Finnish, Swedish and English.
func TestCredentialStatusPageTitle(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	c := w.credentialOf("anna@example.fi")
	b := w.signedIn(w.admin)
	sp := offeringPath(w.offering) + "/credentials/" + strings.TrimPrefix(c.CredentialID, "urn:uuid:") + "/status"
	for lang, want := range map[string]string{
		"fi": "<title>Todistuksen tila: keskeytä, pura keskeytys tai peru – ",
		"sv": "<title>Intygets status: spärra, häv spärren eller återkalla – ",
		"en": "<title>Credential status: suspend, lift a suspension or revoke – ",
	} {
		r := b.get(sp + "?lang=" + lang)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, want)
	}
}
