package web_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/vcjwt"
	"github.com/pokot/pokot/issuing"
)

// withoutClaims returns the credential of a VC-JWT payload: the payload without the
// registered claims the JWT form adds.
func withoutClaims(doc map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range doc {
		switch k {
		case "iss", "jti", "sub", "nbf", "exp", "iat":
		default:
			out[k] = v
		}
	}
	return out
}

// TestWalletJWT: the JWT download is the JSON credential (without its proof) signed with
// the organisation's key as a VC-JWT; it verifies against the organisation's DID document,
// is the same at every download, keeps verifying after a key rotation (the new download
// names the new key), a changed one does not verify, and a revoked credential's JWT is
// rejected by its status.
func TestWalletJWT(t *testing.T) {
	t.Parallel()
	w := newWalletWorld(t, "anna@example.fi")
	c := w.credentialOf("anna@example.fi")
	id := strings.TrimPrefix(c.CredentialID, "urn:uuid:")
	b := w.browser()
	w.linkSignin(b, "anna@example.fi")
	wantBody(t, b.get("/wallet/"+id), `href="/wallet/`+id+`/credential.jwt"`, "Osaamismerkki JWT-muodossa")

	r := b.get("/wallet/" + id + "/credential.jwt")
	wantStatus(t, r, http.StatusOK)
	if ct := r.Header.Get("Content-Type"); ct != "application/jwt" {
		t.Errorf("Content-Type %q", ct)
	}
	jwt := r.body
	if again := b.get("/wallet/" + id + "/credential.jwt").body; again != jwt {
		t.Error("two downloads of the JWT differ")
	}
	res := w.verifyOffline(t, []byte(jwt))
	if !res.Verified || res.Format != "jwt" {
		t.Fatalf("the JWT does not verify (format %q): %+v", res.Format, res.Failed())
	}
	// The public verifier page accepts it too (this site's documents read in-process).
	v := w.browser()
	v.get("/verify?lang=fi")
	r = v.upload("", nil, map[string]string{"credential": jwt})
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `class="verdict verdict-ok"`, "VC-JWT EdDSA")
	tok, err := vcjwt.Parse(jwt)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := w.db.OrgKeys(ctx, w.hamk.ID)
	if err != nil || len(keys) != 1 {
		t.Fatalf("keys %v %v", keys, err)
	}
	if want := "did:web:pokot.test:orgs:hamk#" + keys[0].KeyID; tok.Header.Kid != want || tok.Header.Alg != "EdDSA" {
		t.Fatalf("header %+v, want kid %s", tok.Header, want)
	}
	var doc map[string]any
	if err := json.Unmarshal(c.Signed, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "proof")
	if got := withoutClaims(tok.Claims); !reflect.DeepEqual(got, doc) || !reflect.DeepEqual(tok.Credential, doc) {
		t.Fatalf("the JWT's credential differs from the JSON credential:\n%v\n%v", got, doc)
	}
	if tok.Claims["jti"] != c.CredentialID || tok.Claims["iss"] != "did:web:pokot.test:orgs:hamk" || tok.Form != vcjwt.FormOB3 {
		t.Fatalf("claims jti %v iss %v, form %q", tok.Claims["jti"], tok.Claims["iss"], tok.Form)
	}

	// A changed payload does not verify.
	parts := strings.Split(jwt, ".")
	changed := map[string]any{}
	for k, v := range tok.Claims {
		changed[k] = v
	}
	changed["name"] = "Lääketieteen tohtori"
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(mustJSON(t, changed)) + "." + parts[2]
	if res := w.verifyOffline(t, []byte(tampered)); res.Verified {
		t.Fatal("a changed JWT verifies")
	}

	// Rotation: the old JWT still verifies; a new download is signed with the new key.
	if _, err := w.iss.Rotate(ctx, w.hamk); err != nil {
		t.Fatal(err)
	}
	if res := w.verifyOffline(t, []byte(jwt)); !res.Verified {
		t.Fatalf("the JWT no longer verifies after a key rotation: %+v", res.Failed())
	}
	fresh := b.get("/wallet/" + id + "/credential.jwt").body
	ft, err := vcjwt.Parse(fresh)
	if err != nil || ft.Header.Kid == tok.Header.Kid {
		t.Fatalf("after rotation kid %q (%v), before %q", ft.Header.Kid, err, tok.Header.Kid)
	}
	if res := w.verifyOffline(t, []byte(fresh)); !res.Verified {
		t.Fatalf("the JWT signed with the new key does not verify: %+v", res.Failed())
	}

	// Revoked: both JWTs are rejected by the status check, and only by it.
	worker := issuing.New(w.db, w.iss, issuing.Options{BaseURL: w.cfg.BaseURL, Outbox: true, Worker: "test", Now: w.clock})
	if err := worker.Revoke(ctx, w.hamk, c.CredentialID, "väärä henkilö"); err != nil {
		t.Fatal(err)
	}
	for _, j := range []string{jwt, fresh} {
		res := w.verifyOffline(t, []byte(j))
		failed := res.Failed()
		if res.Verified || len(failed) != 1 || failed[0].Name != "status" {
			t.Fatalf("revoked JWT: verified %v, failed %+v", res.Verified, failed)
		}
	}
}
