package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// The link in the e-mail that announces a credential leads the learner to it in the wallet.
func TestIssuedMailLinkOpensTheWallet(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	id := strings.TrimPrefix(w.credentialOf("anna@example.fi").CredentialID, "urn:uuid:")
	var link string
	for _, m := range w.mails() {
		if m.To == "anna@example.fi" && strings.Contains(m.Text, "/credentials/"+id) {
			link = "/credentials/" + id
		}
	}
	if link == "" {
		t.Fatal("no e-mail with a link to the issued credential")
	}
	b := w.browser()
	r := b.get(link)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/wallet/"+id)
	w.linkSignin(b, "anna@example.fi")
	wantStatus(t, b.get("/wallet/"+id), http.StatusOK)
}
