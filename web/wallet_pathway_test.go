package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestWalletPathwayCredential: a pathway credential is listed in its own section with
// the POK credential it stacks; its page links the stacked credential and the pathway;
// it downloads as JSON (the stored credential), as a VC-JWT that verifies, baked and as
// PDF, but not as ELM (there is no POK version behind it); it can be shared.
func TestWalletPathwayCredential(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	pok := w.credentialOf("anna@example.fi")
	pokID := strings.TrimPrefix(pok.CredentialID, "urn:uuid:")
	a := w.browser()
	w.linkSignin(a, "anna@example.fi")
	wantBodyNot(t, a.get("/wallet"), "Osaamispolut")

	d := w.signedIn(w.designer)
	d.get("/orgs/hamk/pathways/new")
	wantStatus(t, d.post("/orgs/hamk/pathways/new", pathwayForm([]int64{w.mc.ID}, "all", "")), http.StatusSeeOther)
	pcs, err := w.db.PathwayCredentialsOfEmail(ctx, "anna@example.fi")
	if err != nil || len(pcs) != 1 {
		t.Fatalf("pathway credentials %v %v", pcs, err)
	}
	pc := pcs[0]
	id := strings.TrimPrefix(pc.CredentialID, "urn:uuid:")

	r := a.get("/wallet")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamispolut", "/wallet/"+id, "Hoivarobotiikan tutkinnon osa", "Kokoaa 1 osaamismerkin:", "/wallet/"+pokID)

	r = a.get("/wallet/" + id)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Osaamismerkki on aito ja voimassa", "Tähän kootut osaamismerkit", `href="/wallet/`+pokID+`"`,
		`href="/pathways/`, "credential.jwt", "certificate-fi.pdf", "badge.svg", `action="/wallet/`+id+`/share"`)
	wantBodyNot(t, r, "elm.jsonld", "/remove")

	j := a.get("/wallet/" + id + "/credential.json")
	wantStatus(t, j, http.StatusOK)
	if j.body != string(pc.Signed) {
		t.Error("the pathway JSON download is not the stored credential")
	}
	jwt := a.get("/wallet/" + id + "/credential.jwt")
	wantStatus(t, jwt, http.StatusOK)
	if res := w.verifyOffline(t, []byte(jwt.body)); !res.Verified {
		t.Fatalf("the pathway JWT does not verify: %+v", res.Failed())
	}
	for _, f := range []string{"badge.png", "badge.svg", "certificate-en.pdf"} {
		wantStatus(t, a.get("/wallet/"+id+"/"+f), http.StatusOK)
	}
	wantStatus(t, a.get("/wallet/"+id+"/elm.jsonld"), http.StatusNotFound)

	// Shared: the public page shows it, verified now.
	wantStatus(t, a.post("/wallet/"+id+"/share", nil), http.StatusSeeOther)
	share := shareRE.FindStringSubmatch(a.get("/wallet/" + id).body)
	if share == nil {
		t.Fatal("no share link")
	}
	r = w.browser().get(share[1] + "?lang=fi")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Hoivarobotiikan tutkinnon osa", "Osaamismerkki on aito")

	// Revoked by the organisation: the wallet shows it as a verifier sees it.
	if _, err := w.iss.SetCredentialStatus(ctx, w.hamk, pc.CredentialID, pokot.StatusRevocation, true, "virhe"); err != nil {
		t.Fatal(err)
	}
	r = a.get("/wallet")
	if !regexp.MustCompile(`/wallet/` + id + `">[^<]*</a></h3>(?s:.*?)wallet-status-revoked`).MatchString(r.body) {
		t.Error("the revoked pathway credential is not shown as revoked in the list")
	}
	wantBody(t, a.get("/wallet/"+id), "wallet-status-revoked", "Osaamismerkkiä ei voitu varmentaa")
	if res := w.verifyOffline(t, []byte(jwt.body)); res.Verified {
		t.Error("the revoked pathway credential's JWT verifies")
	}

	// In every language.
	for _, l := range pokot.Langs {
		for _, p := range []string{"/wallet", "/wallet/" + id} {
			r := a.get(p + "?lang=" + string(l))
			wantStatus(t, r, http.StatusOK)
			checkPage(t, r, l)
		}
	}
}

// wantBodyNot fails when the body holds any of the strings.
func wantBodyNot(t *testing.T, r *resp, not ...string) {
	t.Helper()
	for _, s := range not {
		if strings.Contains(r.body, s) {
			t.Errorf("%s %s: the page holds %q", r.Request.Method, r.Request.URL.Path, s)
		}
	}
}
