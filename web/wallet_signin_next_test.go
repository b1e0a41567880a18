package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var hrefLinkSigninRE = regexp.MustCompile(`href="(/signin/link[^"]*)"`)

// The learner follows the credential e-mail, is sent to sign in, chooses the e-mail link,
// and lands on that credential's page — not on the wallet's front page.
func TestLinkSigninKeepsNext(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	id := strings.TrimPrefix(w.credentialOf("anna@example.fi").CredentialID, "urn:uuid:")
	b := w.browser()
	r := b.get("/credentials/" + id)
	wantLocation(t, r, "/wallet/"+id)
	r = b.get(r.Header.Get("Location"))
	wantStatus(t, r, http.StatusSeeOther)
	signin := r.Header.Get("Location")
	if signin != "/signin?next="+url.QueryEscape("/wallet/"+id) {
		t.Fatalf("sent to %q", signin)
	}
	r = b.get(signin)
	wantStatus(t, r, http.StatusOK)
	m := hrefLinkSigninRE.FindStringSubmatch(r.body)
	if m == nil {
		t.Fatalf("the sign-in page has no e-mail link offer:\n%s", r.body)
	}
	offer := html.UnescapeString(m[1])
	if u, _ := url.Parse(offer); u == nil || u.Query().Get("next") != "/wallet/"+id {
		t.Fatalf("the e-mail link offer %q does not pass next on", offer)
	}
	r = b.get(offer)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `name="next" value="/wallet/`+id+`"`)
	r = b.post("/signin/link", formOf("email", "anna@example.fi", "next", "/wallet/"+id))
	wantStatus(t, r, http.StatusOK)
	link := regexpFind(signinLinkRE.String(), w.mailTo("anna@example.fi").Text)
	if !strings.Contains(link, "?next=") {
		t.Fatalf("the e-mailed link %q does not carry next", link)
	}
	r = b.get(link)
	wantStatus(t, r, http.StatusOK)
	action := html.UnescapeString(regexpFind(`<form method="post" action="([^"]+)"`, r.body))
	if action != link {
		t.Fatalf("confirmation form posts to %q, want %q", action, link)
	}
	r = b.post(action, nil)
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/wallet/"+id {
		t.Fatalf("signed in to %q, want /wallet/%s", loc, id)
	}
	wantStatus(t, b.get("/wallet/"+id), http.StatusOK)

	// Without next the link still leads to the wallet, and the plain page offers a plain link.
	wantBody(t, w.browser().get("/signin"), `href="/signin/link"`)
}

// A next that leads off the site is dropped at every step: in the form, in the e-mailed
// link, and when a link is edited by hand.
func TestLinkSigninRefusesForeignNext(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi", "bertta@example.fi")
	evil := []string{"//evil.example", "https://evil.example", "https://evil.example/wallet", `/\evil.example`, "javascript:alert(1)", "//evil.example/wallet/x"}
	for i, next := range evil {
		email := "anna@example.fi"
		if i%2 == 1 {
			email = "bertta@example.fi"
		}
		w.advance(20 * 60e9) // past the per-address throttle of three links
		b := w.browser()
		r := b.get("/signin/link?next=" + url.QueryEscape(next))
		wantStatus(t, r, http.StatusOK)
		if carriesNext(r.body) {
			t.Errorf("next %q is carried on by the page", next)
		}
		r = b.post("/signin/link", formOf("email", email, "next", next))
		wantStatus(t, r, http.StatusOK)
		link := regexpFind(signinLinkRE.String(), w.mailTo(email).Text)
		if link == "" || strings.Contains(link, "next") {
			t.Fatalf("next %q: e-mailed link %q", next, link)
		}
		// Edited by hand: the confirmation drops it, and so does the sign-in itself.
		edited := link + "?next=" + url.QueryEscape(next)
		r = b.get(edited)
		wantStatus(t, r, http.StatusOK)
		if carriesNext(r.body) {
			t.Errorf("next %q is carried on by the confirmation page", next)
		}
		r = b.post(edited, nil)
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/wallet" {
			t.Errorf("next %q: signed in to %q, want /wallet", next, loc)
		}
	}
	// Signed in already: a local next is followed, a foreign one is not.
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	for _, next := range evil {
		if loc := b.get("/signin/link?next=" + url.QueryEscape(next)).Header.Get("Location"); loc != "/wallet" {
			t.Errorf("signed in, next %q: sent to %q", next, loc)
		}
	}
	if loc := b.get("/signin/link?next=%2Fwallet%2Faccount").Header.Get("Location"); loc != "/wallet/account" {
		t.Errorf("signed in, local next: sent to %q", loc)
	}
}

// carriesNext tells whether a page passes a next on: in a hidden field, in a form's
// address or in a sign-in link. (The language links keep the query of the page itself.)
func carriesNext(body string) bool {
	return strings.Contains(body, `name="next"`) || regexp.MustCompile(`action="[^"]*next=`).MatchString(body) ||
		regexp.MustCompile(`href="/signin[^"?]*\?next=`).MatchString(body)
}
