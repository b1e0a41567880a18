package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/bake"
	"github.com/pokot/pokot/i18n"
	"github.com/pokot/pokot/issuing"
)

// TestWalletSigninLink: a learner with credentials but no account asks for a link; the
// page says the same for an unknown address (and sends nothing); opening the link does
// not use it (mail scanners), the button does, once; an expired link is refused.
func TestWalletSigninLink(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	b := w.browser()
	wantBody(t, b.get("/signin"), `href="/signin/link"`)
	b.get("/signin/link")
	r := b.post("/signin/link", formOf("email", "Anna@Example.fi"))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "lähetimme siihen kirjautumislinkin")
	sent := r.body
	r = b.post("/signin/link", formOf("email", "tuntematon@example.fi"))
	wantStatus(t, r, http.StatusOK)
	if strings.ReplaceAll(r.body, "tuntematon@example.fi", "anna@example.fi") != strings.ReplaceAll(sent, "Anna@Example.fi", "anna@example.fi") {
		t.Error("the answer differs for an unknown address")
	}
	for _, m := range w.mails() {
		if m.To == "tuntematon@example.fi" {
			t.Fatal("a link was sent to an unknown address")
		}
	}
	if _, err := w.db.UserByEmail(ctx, "tuntematon@example.fi"); pokot.ErrorCode(err) != pokot.ENOTFOUND {
		t.Fatalf("an account was made for an unknown address: %v", err)
	}
	r = b.post("/signin/link", formOf("email", "ei osoite"))
	wantStatus(t, r, http.StatusUnprocessableEntity)

	link := regexpFind(signinLinkRE.String(), w.mailTo("anna@example.fi").Text)
	if link == "" {
		t.Fatal("no link")
	}
	u, err := w.db.UserByEmail(ctx, "anna@example.fi")
	if err != nil || u.PasswordHash != "" {
		t.Fatalf("learner account %+v, %v", u, err)
	}
	for range 2 {
		r = b.get(link)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "Kirjaudu sisään", `action="`+link+`"`)
	}
	r = b.get("/wallet")
	wantLocation(t, r, "/signin")
	r = b.post(link, nil)
	wantStatus(t, r, http.StatusSeeOther)
	wantLocation(t, r, "/wallet")
	wantStatus(t, b.get("/wallet"), http.StatusOK)

	// Used: refused in another browser.
	b2 := w.browser()
	b2.get(link)
	r = b2.post(link, nil)
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "Kirjautumislinkki on vanhentunut, jo käytetty tai virheellinen")
	// Unknown.
	b2.get("/signin/link/nonsense")
	wantStatus(t, b2.post("/signin/link/nonsense", nil), http.StatusNotFound)
	// Expired after 15 minutes.
	b2.get("/signin/link")
	b2.post("/signin/link", formOf("email", "anna@example.fi"))
	link2 := regexpFind(signinLinkRE.String(), w.mailTo("anna@example.fi").Text)
	if link2 == "" || link2 == link {
		t.Fatalf("second link %q", link2)
	}
	w.advance(16 * time.Minute)
	b2.get(link2)
	wantStatus(t, b2.post(link2, nil), http.StatusNotFound)
	wantLocation(t, b2.get("/wallet"), "/signin")
}

// TestWalletSigninThrottled: the fourth link to one address in 15 minutes is not sent,
// and the page does not say so.
func TestWalletSigninThrottled(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	b := w.browser()
	b.get("/signin/link")
	for range 5 {
		wantStatus(t, b.post("/signin/link", formOf("email", "anna@example.fi")), http.StatusOK)
	}
	n := 0
	for _, m := range w.mails() {
		if m.To == "anna@example.fi" && strings.Contains(m.Text, "/signin/link/") {
			n++
		}
	}
	if n != 3 {
		t.Fatalf("%d links sent, want 3", n)
	}
}

// TestWalletCredentials: the list shows only the learner's own credentials; another
// learner's id is a 404 that says nothing of it; the downloads have their types and the
// baked images carry the credential, which verifies.
func TestWalletCredentials(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi", "bertta@example.fi")
	anna, bertta := w.credentialOf("anna@example.fi"), w.credentialOf("bertta@example.fi")
	aID, bID := strings.TrimPrefix(anna.CredentialID, "urn:uuid:"), strings.TrimPrefix(bertta.CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")

	r := b.get("/wallet")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "/wallet/"+aID, "Hämeen ammattikorkeakoulu", "Voimassa", "sinulle myönnetyt osaamismerkit (1)")
	if strings.Contains(r.body, bID) {
		t.Fatal("another learner's credential is listed")
	}
	// Another learner's credential is the same 404 as one that does not exist.
	r = b.get("/wallet/" + bID)
	wantStatus(t, r, http.StatusNotFound)
	const none = "00000000-0000-4000-8000-000000000000"
	r2 := b.get("/wallet/" + none)
	if csrfRE.ReplaceAllString(strings.ReplaceAll(r.body, bID, none), "") != csrfRE.ReplaceAllString(r2.body, "") {
		t.Fatal("the 404 for another learner's credential differs from one for no credential")
	}
	for _, f := range []string{"credential.json", "credential.jwt", "badge.png", "certificate-fi.pdf", "elm.jsonld"} {
		wantStatus(t, b.get("/wallet/"+bID+"/"+f), http.StatusNotFound)
	}

	r = b.get("/wallet/" + aID)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkki on aito ja voimassa", "certificate-sv.pdf", "badge.png", "https://www.linkedin.com/profile/add?")
	li := regexpFind(`href="(https://www\.linkedin\.com/profile/add\?[^"]+)"`, r.body)
	lu, err := url.Parse(html.UnescapeString(li))
	if err != nil {
		t.Fatal(err)
	}
	q := lu.Query()
	if q.Get("startTask") != "CERTIFICATION_NAME" || q.Get("name") == "" || q.Get("organizationName") != "Hämeen ammattikorkeakoulu" ||
		q.Get("issueYear") != strconv.Itoa(anna.IssuedAt.In(i18n.Helsinki).Year()) || q.Get("issueMonth") != strconv.Itoa(int(anna.IssuedAt.In(i18n.Helsinki).Month())) || q.Get("certId") != anna.CredentialID || q.Get("certUrl") != "" {
		t.Fatalf("LinkedIn link %s", lu)
	}

	types := map[string]string{"credential.json": "application/ld+json", "badge.png": "image/png", "badge.svg": "image/svg+xml",
		"certificate-fi.pdf": "application/pdf", "certificate-sv.pdf": "application/pdf", "certificate-en.pdf": "application/pdf",
		"elm.jsonld": "application/ld+json"}
	files := map[string]string{}
	for f, ct := range types {
		r := b.get("/wallet/" + aID + "/" + f)
		wantStatus(t, r, http.StatusOK)
		if got := r.Header.Get("Content-Type"); got != ct {
			t.Errorf("%s: Content-Type %q, want %q", f, got, ct)
		}
		if !strings.HasPrefix(r.Header.Get("Content-Disposition"), "attachment; ") {
			t.Errorf("%s: Content-Disposition %q", f, r.Header.Get("Content-Disposition"))
		}
		files[f] = r.body
	}
	wantStatus(t, b.get("/wallet/"+aID+"/certificate-de.pdf"), http.StatusNotFound)
	if files["credential.json"] != string(anna.Signed) {
		t.Error("the JSON download is not the signed credential")
	}
	for _, f := range []string{"certificate-fi.pdf", "certificate-sv.pdf", "certificate-en.pdf"} {
		if !strings.HasPrefix(files[f], "%PDF-") {
			t.Errorf("%s does not start with %%PDF-", f)
		}
	}
	if files["certificate-fi.pdf"] == files["certificate-en.pdf"] {
		t.Error("the Finnish and English certificates are the same")
	}
	png, err := bake.ExtractPNG([]byte(files["badge.png"]))
	if err != nil || !bytes.Equal(png, anna.Signed) {
		t.Fatalf("baked PNG: %v", err)
	}
	svg, err := bake.ExtractSVG([]byte(files["badge.svg"]))
	if err != nil || !bytes.Equal(svg, anna.Signed) {
		t.Fatalf("baked SVG: %v", err)
	}
	if res := w.verifyOffline(t, png); !res.Verified {
		t.Fatalf("the credential baked in the PNG does not verify: %+v", res.Checks)
	}
	var elm map[string]any
	if err := json.Unmarshal([]byte(files["elm.jsonld"]), &elm); err != nil {
		t.Fatal(err)
	}
	if elm["id"] != anna.CredentialID || !strings.Contains(files["elm.jsonld"], `"LearningAchievement"`) ||
		!strings.Contains(files["elm.jsonld"], `"Qualification"`) || !strings.Contains(files["elm.jsonld"], "http://data.europa.eu/snb/model/context/edc-ap") {
		t.Fatalf("ELM export %s", files["elm.jsonld"][:min(400, len(files["elm.jsonld"]))])
	}

	// Everything as one archive.
	r = b.get("/wallet/export.zip")
	wantStatus(t, r, http.StatusOK)
	if r.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("ZIP Content-Type %q", r.Header.Get("Content-Type"))
	}
	zr, err := zip.NewReader(strings.NewReader(r.body), int64(len(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		switch {
		case strings.HasSuffix(f.Name, ".json") && !bytes.Equal(buf.Bytes(), anna.Signed):
			t.Errorf("%s is not the credential", f.Name)
		case strings.HasSuffix(f.Name, ".pdf") && !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")):
			t.Errorf("%s is not a PDF", f.Name)
		}
	}
	if len(names) != 3 {
		t.Fatalf("ZIP holds %v, want a JSON, a JWT and a PDF", names)
	}

	// Signed out: nothing.
	wantLocation(t, w.browser().get("/wallet/"+aID+"/credential.json"), "/signin")
}

var shareRE = regexp.MustCompile(`value="http://pokot\.test(/c/[A-Za-z0-9_-]+)"`)

// TestWalletShare: a share link shows the verified credential to anyone; switched off it
// is 410 with a message, and sharing again makes a new address.
func TestWalletShare(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi", "bertta@example.fi")
	aID := strings.TrimPrefix(w.credentialOf("anna@example.fi").CredentialID, "urn:uuid:")
	bID := strings.TrimPrefix(w.credentialOf("bertta@example.fi").CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	b.get("/wallet/" + aID)
	wantStatus(t, b.post("/wallet/"+bID+"/share", nil), http.StatusNotFound)
	r := b.post("/wallet/"+aID+"/share", nil)
	wantStatus(t, r, http.StatusSeeOther)
	r = b.get("/wallet/" + aID)
	wantBody(t, r, "Jakaminen on päällä", "Lopeta jakaminen", "certUrl=http%3A%2F%2Fpokot.test%2Fc%2F")
	m := shareRE.FindStringSubmatch(r.body)
	if m == nil {
		t.Fatal("no share link on the page")
	}
	share := m[1]

	anon := w.browser()
	for _, l := range []string{"fi", "sv", "en"} {
		r = anon.get(share + "?lang=" + l)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, i18n.T(pokot.Lang(l), "verify.result.ok_title"), "Hämeen ammattikorkeakoulu", aID)
		if strings.Contains(r.body, "/share") || strings.Contains(r.body, "badge.png") || strings.Contains(r.body, i18n.Missing) {
			t.Fatalf("the public page (%s) shows the owner's controls or a missing text", l)
		}
	}
	r = anon.get("/c/notatoken?lang=fi")
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, "Tällä osoitteella ei ole jaettua osaamismerkkiä")

	b.get("/wallet/" + aID)
	wantStatus(t, b.post("/wallet/"+aID+"/unshare", nil), http.StatusSeeOther)
	r = anon.get(share + "?lang=fi")
	wantStatus(t, r, http.StatusGone)
	wantBody(t, r, "Jakaminen on lopetettu", "on lopettanut tämän linkin jakamisen")
	if strings.Contains(r.body, aID) {
		t.Fatal("a switched-off link still shows the credential")
	}
	r = anon.get(share + "?lang=en")
	wantStatus(t, r, http.StatusGone)
	wantBody(t, r, "has stopped sharing this link")

	b.get("/wallet/" + aID)
	b.post("/wallet/"+aID+"/share", nil)
	m = shareRE.FindStringSubmatch(b.get("/wallet/" + aID).body)
	if m == nil || m[1] == share {
		t.Fatal("sharing again did not make a new link")
	}
	wantStatus(t, anon.get(m[1]), http.StatusOK)
	wantStatus(t, anon.get(share), http.StatusGone)
}

// TestWalletRevoked: a revoked credential shows as revoked in the list, its page says it
// no longer verifies, and so does its share link.
func TestWalletRevoked(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	c := w.credentialOf("anna@example.fi")
	id := strings.TrimPrefix(c.CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	b.get("/wallet/" + id)
	b.post("/wallet/"+id+"/share", nil)
	share := shareRE.FindStringSubmatch(b.get("/wallet/" + id).body)[1]
	wantBody(t, b.get("/wallet"), "Voimassa")

	worker := issuing.New(w.db, w.iss, issuing.Options{BaseURL: w.cfg.BaseURL, Outbox: true, Worker: "test", Now: w.clock})
	if err := worker.Revoke(ctx, w.hamk, c.CredentialID, "myönnetty väärälle henkilölle"); err != nil {
		t.Fatal(err)
	}
	r := b.get("/wallet")
	wantBody(t, r, "wallet-status-revoked", "Peruttu")
	r = b.get("/wallet/" + id)
	wantBody(t, r, "Osaamismerkkiä ei voitu varmentaa", "Myöntäjä on perunut osaamismerkin.")
	r = w.browser().get(share + "?lang=fi")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkkiä ei voitu varmentaa")
	if strings.Contains(r.body, "myönnetty väärälle") {
		t.Fatal("the public page shows the organisation's reason")
	}
}
