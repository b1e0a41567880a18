package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

var emailLinkRE = regexp.MustCompile(`http://pokot\.test(/wallet/account/email/\S+)`)

// TestWalletChangeEmail: the change waits for the new address to confirm; the account
// keeps its credentials; a taken address is refused at the field; the link works once.
func TestWalletChangeEmail(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	id := strings.TrimPrefix(w.credentialOf("anna@example.fi").CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	before, _ := w.db.UserByEmail(ctx, "anna@example.fi")

	b.get("/wallet/account")
	r := b.post("/wallet/account/email", formOf("email", "arvioija@hamk.fi"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, i18n.T(pokot.Finnish, "err.email_taken"), `aria-invalid="true"`, `value="arvioija@hamk.fi"`)
	r = b.post("/wallet/account/email", formOf("email", "anna@example.fi"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Tämä on jo tilisi sähköpostiosoite.")
	r = b.post("/wallet/account/email", formOf("email", "anna.uusi@example.fi"))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Lähetimme vahvistuslinkin osoitteeseen anna.uusi@example.fi")
	link := regexpFind(emailLinkRE.String(), w.mailTo("anna.uusi@example.fi").Text)
	if link == "" {
		t.Fatal("no confirmation link")
	}
	if u, _ := w.db.UserByID(ctx, before.ID); u.Email != "anna@example.fi" {
		t.Fatal("the address changed before it was confirmed")
	}
	wantStatus(t, b.get(link), http.StatusOK)
	r = b.post(link, nil)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/wallet/account")
	u, err := w.db.UserByID(ctx, before.ID)
	if err != nil || u.Email != "anna.uusi@example.fi" {
		t.Fatalf("after confirming: %+v %v", u, err)
	}
	r = b.get("/wallet")
	wantBody(t, r, "/wallet/"+id)
	wantStatus(t, b.get("/wallet/"+id+"/credential.json"), http.StatusOK)
	r = b.post(link, nil)
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "Vahvistuslinkki on vanhentunut")
}

// TestWalletDeleteAccount: a confirmation step; then the account, its sessions and share
// links are gone and the credential still verifies; the last org admin is refused.
func TestWalletDeleteAccount(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	c := w.credentialOf("anna@example.fi")
	id := strings.TrimPrefix(c.CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	b.get("/wallet/" + id)
	b.post("/wallet/"+id+"/share", nil)
	share := shareRE.FindStringSubmatch(b.get("/wallet/" + id).body)
	if share == nil {
		t.Fatal("no share link")
	}
	u, _ := w.db.UserByEmail(ctx, "anna@example.fi")

	r := b.get("/wallet/account/delete")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Sinulle myönnetyt osaamismerkit (1) pysyvät aitoina", "export.zip")
	r = b.post("/wallet/account/delete", nil)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Vahvista poistaminen rastittamalla ruutu.")
	if _, err := w.db.UserByID(ctx, u.ID); err != nil {
		t.Fatal("deleted without confirmation")
	}
	r = b.post("/wallet/account/delete", formOf("confirm", "yes"))
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/")
	if _, err := w.db.UserByID(ctx, u.ID); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("user still there: %v", err)
	}
	wantLocation(t, b.get("/wallet"), "/signin")
	wantStatus(t, w.browser().get(share[1]), http.StatusNotFound)
	if res := w.verifyOffline(t, c.Signed); !res.Verified {
		t.Fatalf("the credential no longer verifies: %+v", res.Checks)
	}
	if strings.Contains(string(c.Signed), "anna@example.fi") {
		t.Fatal("the credential carries the address in clear")
	}

	// The organisation's only administrator cannot delete the account.
	a := w.signedIn(w.admin)
	a.get("/wallet/account/delete")
	r = a.post("/wallet/account/delete", formOf("confirm", "yes"))
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Olet organisaation ainoa pääkäyttäjä")
}

// TestWalletPagesInEveryLanguage: every wallet page in Finnish, Swedish and English, with
// no missing text.
func TestWalletPagesInEveryLanguage(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	id := strings.TrimPrefix(w.credentialOf("anna@example.fi").CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	b.get("/wallet/" + id)
	b.post("/wallet/"+id+"/share", nil)
	share := shareRE.FindStringSubmatch(b.get("/wallet/" + id).body)[1]
	empty := w.signedIn(w.designer)
	anon := w.browser()
	for _, l := range pokot.Langs {
		for _, c := range []struct {
			b    *browser
			path string
			want string
		}{
			{b, "/wallet", "wallet.intro"},
			{b, "/wallet/" + id, "wallet.downloads.title"},
			{b, "/wallet/account", "wallet.email.title"},
			{b, "/wallet/account/delete", "wallet.delete.confirm_label"},
			{empty, "/wallet", "wallet.empty.title"},
			{anon, "/signin/link", "wallet.signin.intro"},
			{anon, "/signin/link/sometoken", "wallet.signin.confirm_text"},
			{anon, "/wallet/account/email/sometoken", "wallet.email.confirm_text"},
			{anon, share, "wallet.public.note"},
		} {
			r := c.b.get(c.path + "?lang=" + string(l))
			wantStatus(t, r, http.StatusOK)
			if r.Header.Get("Content-Language") != string(l) {
				t.Errorf("%s: Content-Language %q, want %s", c.path, r.Header.Get("Content-Language"), l)
			}
			want := i18n.T(l, c.want)
			if i := strings.IndexAny(want, "{"); i > 0 {
				want = want[:i]
			}
			wantBody(t, r, html.EscapeString(want))
			if strings.Contains(r.body, i18n.Missing) {
				t.Errorf("%s (%s): missing text %s", c.path, l, regexpFind(`(⟦[^⟧]*⟧)`, r.body))
			}
		}
	}
}
