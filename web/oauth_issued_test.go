package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pokot/pokot"
)

// TestOAuthWalletHoldsIssuedCredentials: a credential issued on this platform to a
// learner's e-mail address is in the wallet the OB 3.0 API serves, next to one a wallet
// posted, and only there.
func TestOAuthWalletHoldsIssuedCredentials(t *testing.T) {
	w := newDeliveryWorld(t)
	o := w.offering(5)
	w.enrol(o, "anna@example.fi", "bertta@example.fi")
	b := w.signedIn(w.assessor)
	base := offeringPath(o)
	b.get(base + "/assessment")
	wantStatus(t, b.post(base+"/assessment", w.gridValues(o, map[string][2]string{
		"anna@example.fi": {"4", "5"}, "bertta@example.fi": {"hylätty", "3"}}, "2025-10-21", "")), http.StatusSeeOther)
	b.get(base + "/issuing")
	wantStatus(t, b.post(base+"/issuing", nil), http.StatusSeeOther)
	if ran, err := w.worker().RunOnce(ctx); err != nil || !ran {
		t.Fatalf("worker: %v %v", ran, err)
	}
	cs, err := w.db.IssuedCredentials(ctx, w.hamk.ID, o.ID)
	if err != nil || len(cs) != 1 {
		t.Fatalf("issued %d (%v)", len(cs), err)
	}

	// Anna has an account with the address the credential was issued to; Bertta too.
	w.user("anna@example.fi", "Anna Oppija", false)
	w.user("bertta@example.fi", "Bertta Oppija", false)
	id, secret := oauthClient(t, w.env, "Lompakko")
	token := func(email string) string {
		t.Helper()
		br := w.browser()
		br.signin(email)
		verifier := strings.Repeat("k", 44)
		authz := authorizeURL(id, pokot.OB3ScopeCredentialRead+" "+pokot.OB3ScopeCredentialUpsert, challengeOf(verifier), "")
		br.get(authz)
		u, _ := url.Parse(authz)
		form := u.Query()
		form.Set("decision", "approve")
		r := br.post("/oauth/authorize", form)
		loc, _ := url.Parse(r.Header.Get("Location"))
		st, tok := tokenCall(t, w.env, id, secret, url.Values{"grant_type": {"authorization_code"},
			"code": {loc.Query().Get("code")}, "redirect_uri": {oauthRedirect}, "code_verifier": {verifier}})
		if st != 200 {
			t.Fatalf("token for %s: %d %v", email, st, tok)
		}
		return tok["access_token"].(string)
	}
	anna, bertta := token("anna@example.fi"), token("bertta@example.fi")
	if res, body := apiCall(t, w.env, "POST", "/ims/ob/v3p0/credentials", anna, "application/json",
		oauthCredential("urn:uuid:22222222-0000-4000-8000-000000000001", "Toinen merkki")); res.StatusCode != http.StatusCreated {
		t.Fatalf("upsert: %d %s", res.StatusCode, body)
	}
	// Posting the issued credential back changes nothing: it is already there.
	if res, body := apiCall(t, w.env, "POST", "/ims/ob/v3p0/credentials", anna, "application/json", cs[0].Signed); res.StatusCode != http.StatusOK {
		t.Fatalf("upsert of the issued credential: %d %s", res.StatusCode, body)
	}

	res, body := apiCall(t, w.env, "GET", "/ims/ob/v3p0/credentials", anna, "", nil)
	var page struct{ Credential []map[string]any }
	json.Unmarshal(body, &page)
	ids := map[any]bool{}
	for _, c := range page.Credential {
		ids[c["id"]] = true
	}
	if res.Header.Get("X-Total-Count") != "2" || !ids[cs[0].CredentialID] || !ids["urn:uuid:22222222-0000-4000-8000-000000000001"] {
		t.Fatalf("Anna's wallet: %s %v", res.Header.Get("X-Total-Count"), ids)
	}
	for _, c := range page.Credential {
		if c["id"] == cs[0].CredentialID && c["proof"] == nil {
			t.Fatal("the issued credential lost its proof")
		}
	}
	res, body = apiCall(t, w.env, "GET", "/ims/ob/v3p0/credentials", bertta, "", nil)
	if res.Header.Get("X-Total-Count") != "0" || strings.Contains(string(body), cs[0].CredentialID) {
		t.Fatalf("Bertta's wallet: %s %s", res.Header.Get("X-Total-Count"), body)
	}
}
