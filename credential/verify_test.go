package credential_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/dataintegrity"
	"github.com/pokot/pokot/credential/key"
	"github.com/pokot/pokot/credential/status"
)

// w3cSeed is the seed of the vc-di-eddsa test vectors' key pair
// (privateKeyMultibase z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq without its 0x8026 header).
const w3cSeed = "c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6"

func mustKey(t testing.TB, seedHex string) *key.KeyPair {
	t.Helper()
	kp, err := key.ParseSeedHex(seedHex)
	if err != nil {
		t.Fatal(err)
	}
	return kp
}

func check(r credential.Result, name string) credential.Check {
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	return credential.Check{Name: name, Message: "check not run"}
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Sign reproduces the published proofValue of both vc-di-eddsa suites from
// the key, the unsigned input and created.
func TestSignReproducesVectors(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	if got := kp.DID(); got != "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2" {
		t.Fatalf("did %s", got)
	}
	for _, v := range []struct{ suite, signed string }{
		{"eddsa-rdfc-2022", "testdata/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json"},
		{"eddsa-jcs-2022", "testdata/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json"},
	} {
		want := readJSON(t, v.signed)
		wantProof := want["proof"].(map[string]any)
		created, _ := time.Parse(time.RFC3339, wantProof["created"].(string))
		got, err := credential.Sign(readJSON(t, "testdata/vc-di-eddsa/unsigned.json"), kp, credential.SignOptions{Cryptosuite: v.suite, Created: created})
		if err != nil {
			t.Fatal(err)
		}
		if pv := got["proof"].(map[string]any)["proofValue"]; pv != wantProof["proofValue"] {
			t.Errorf("%s: proofValue %v, want %v", v.suite, pv, wantProof["proofValue"])
		}
	}
}

// The W3C vectors verify cryptographically, but their issuer is an https
// URL that does not list the did:key: the key check must refuse them.
func TestVerifyW3CVectorsKeyNotIssuer(t *testing.T) {
	v := &credential.Verifier{}
	for _, f := range []string{"testdata/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json", "testdata/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json"} {
		r := v.VerifyDocument(context.Background(), f, readJSON(t, f))
		if c := check(r, "proof"); !c.OK {
			t.Errorf("%s: proof %s", f, c.Message)
		}
		if c := check(r, "key"); c.OK || c.Key != "verify.key.not_issuer" {
			t.Errorf("%s: key check %+v", f, c)
		}
		if r.Verified {
			t.Errorf("%s verified", f)
		}
	}
}

// The 1EdTech OB 3.0 vector verifies completely when the issuer's
// controller document (listing the test key) is served from memory.
func TestVerifyOB3Vector(t *testing.T) {
	var tk struct{ PublicKeyHex string }
	if err := json.Unmarshal(marshal(t, readJSON(t, "testdata/ob3/1edtech-test-key.json")), &tk); err != nil {
		t.Fatal(err)
	}
	pub, _ := hex.DecodeString(tk.PublicKeyHex)
	cd, err := key.NewControllerDocument("https://example.edu/issuers/565049", pub)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := cd.JSON()
	v := &credential.Verifier{Resolver: &key.Resolver{Offline: true, Overrides: map[string][]byte{"https://example.edu/issuers/565049": body}}}
	doc := readJSON(t, "testdata/ob3/ob3-ldp-signed.json")
	r := v.VerifyDocument(context.Background(), "ob3", doc)
	if !r.Verified {
		t.Fatalf("not verified: %+v", r.Failed())
	}
	doc["name"] = "Teamwork Badge (edited)"
	r = v.VerifyDocument(context.Background(), "ob3", doc)
	if c := check(r, "proof"); c.OK || c.Key != "verify.proof.bad_signature" {
		t.Errorf("tampered: %+v", c)
	}
	// Without the controller document the key cannot be found offline.
	r = (&credential.Verifier{}).VerifyDocument(context.Background(), "ob3", readJSON(t, "testdata/ob3/ob3-ldp-signed.json"))
	if c := check(r, "key"); c.OK || c.Key != "verify.key.unresolved" {
		t.Errorf("offline: %+v", c)
	}
}

func signedSample(t testing.TB, kp *key.KeyPair, edit func(a *credential.Award, d map[string]any)) map[string]any {
	t.Helper()
	mc := sampleMicroCredential()
	mc.AwardingBody.ID = ""
	a := sampleAward()
	if edit != nil {
		edit(&a, nil)
	}
	doc, err := credential.Build(mc, a)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(nil, doc)
	}
	signed, err := credential.Sign(doc, kp, credential.SignOptions{Created: a.IssuedAt})
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

func at(s string) func() time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return func() time.Time { return t }
}

func TestSignVerifyRoundTrip(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	signed := signedSample(t, kp, nil)
	if iss := signed["issuer"].(map[string]any); iss["id"] != kp.DID() || iss["name"] != "Hämeen ammattikorkeakoulu" {
		t.Errorf("issuer %v", iss)
	}
	if vm := signed["proof"].(map[string]any)["verificationMethod"]; vm != kp.VerificationMethodID() || !strings.HasPrefix(vm.(string), "did:key:z6Mk") {
		t.Errorf("verificationMethod %v", vm)
	}
	v := &credential.Verifier{Now: at("2027-01-01T00:00:00Z")}
	data := marshal(t, signed)
	r := v.Verify(context.Background(), "sample", data)
	if !r.Verified {
		t.Fatalf("not verified: %+v", r.Failed())
	}
	for _, name := range []string{"parse", "structure.vc.issuer", "structure.ob3.achievement", "schema", "proof", "key", "status", "validity"} {
		if c := check(r, name); !c.OK || c.Key == "" || c.Message == "" {
			t.Errorf("check %s: %+v", name, c)
		}
	}

	// Outside the validity window.
	r = (&credential.Verifier{Now: at("2026-01-01T00:00:00Z")}).Verify(context.Background(), "early", data)
	if c := check(r, "validity"); c.OK || c.Key != "verify.validity.not_yet" || r.Verified {
		t.Errorf("before validFrom: %+v", c)
	}
	r = (&credential.Verifier{Now: at("2032-01-01T00:00:00Z")}).Verify(context.Background(), "late", data)
	if c := check(r, "validity"); c.OK || c.Key != "verify.validity.expired" || r.Verified {
		t.Errorf("after validUntil: %+v", c)
	}
	if c := check(r, "proof"); !c.OK {
		t.Errorf("expiry must not affect the proof check: %+v", c)
	}

	// Any change to what was signed breaks the proof.
	for _, tamper := range []func(d map[string]any){
		func(d map[string]any) { d["validUntil"] = "2040-01-01T00:00:00Z" },
		func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["creditsAvailable"] = 25.0
		},
		func(d map[string]any) { d["issuer"].(map[string]any)["name"] = "Someone else" },
	} {
		var d map[string]any
		json.Unmarshal(data, &d)
		tamper(d)
		r := v.VerifyDocument(context.Background(), "tampered", d)
		if c := check(r, "proof"); c.OK || c.Key != "verify.proof.bad_signature" || r.Verified {
			t.Errorf("tampered: %+v", c)
		}
	}
}

// A did:key issuer must sign with that DID's own key.
func TestVerifyDIDKeyIssuerMismatch(t *testing.T) {
	a, b := mustKey(t, w3cSeed), mustKey(t, strings.Repeat("11", 32))
	doc, _ := credential.Build(sampleMicroCredential(), sampleAward())
	doc["issuer"].(map[string]any)["id"] = a.DID()
	if _, err := credential.Sign(doc, b, credential.SignOptions{}); err == nil {
		t.Fatal("Sign accepted an issuer that is another key's did:key")
	}
	signed, err := dataintegrity.Sign(doc, b.Private, dataintegrity.Options{VerificationMethod: b.VerificationMethodID()})
	if err != nil {
		t.Fatal(err)
	}
	r := (&credential.Verifier{Now: at("2027-01-01T00:00:00Z")}).VerifyDocument(context.Background(), "x", signed)
	if check(r, "proof").OK != true || check(r, "key").Key != "verify.key.not_issuer" || r.Verified {
		t.Errorf("checks %+v", r.Checks)
	}
	// A verification method whose fragment names another key is refused too.
	signed, _ = dataintegrity.Sign(doc, b.Private, dataintegrity.Options{VerificationMethod: a.DID() + "#" + strings.TrimPrefix(b.DID(), "did:key:")})
	r = (&credential.Verifier{}).VerifyDocument(context.Background(), "y", signed)
	if r.Verified || check(r, "key").OK {
		t.Errorf("fragment trusted: %+v", r.Checks)
	}
}

func TestVerifyUnsignedAndGarbage(t *testing.T) {
	doc, _ := credential.Build(sampleMicroCredential(), sampleAward())
	r := (&credential.Verifier{}).Verify(context.Background(), "u", marshal(t, doc))
	if c := check(r, "proof"); c.OK || c.Key != "verify.proof.missing" || r.Verified {
		t.Errorf("unsigned: %+v", c)
	}
	for _, in := range []string{"", "null", "[]", "{", `{"a":1}`, "eyJ.x.y", strings.Repeat("[", 5000)} {
		r := (&credential.Verifier{}).Verify(context.Background(), "g", []byte(in))
		if r.Verified || len(r.Checks) == 0 {
			t.Errorf("%q: %+v", in, r)
		}
	}
}

// statusFixture signs a status list credential with kp, with bit index set.
func statusFixture(t testing.TB, kp *key.KeyPair, url, purpose string, set int) []byte {
	l, err := status.New(131072)
	if err != nil {
		t.Fatal(err)
	}
	if set >= 0 {
		l.Set(set, true)
	}
	lc, err := status.NewListCredential(url, kp.DID(), purpose, l, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	signed, err := credential.Sign(lc, kp, credential.SignOptions{Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return marshal(t, signed)
}

func TestVerifyStatus(t *testing.T) {
	kp := mustKey(t, w3cSeed)
	other := mustKey(t, strings.Repeat("22", 32))
	const listURL = "https://pokot.example.fi/status/1"
	withEntry := func(purpose string, index int) map[string]any {
		return signedSample(t, kp, func(_ *credential.Award, d map[string]any) {
			if d != nil {
				e, _ := status.NewEntry(listURL, purpose, index)
				d["credentialStatus"] = e.Map()
			}
		})
	}
	cases := []struct {
		name    string
		cred    map[string]any
		list    []byte
		wantKey string
	}{
		{"not revoked", withEntry("revocation", 41), statusFixture(t, kp, listURL, "revocation", 42), "verify.status.ok"},
		{"revoked", withEntry("revocation", 42), statusFixture(t, kp, listURL, "revocation", 42), "verify.status.revoked"},
		{"suspended", withEntry("suspension", 7), statusFixture(t, kp, listURL, "suspension", 7), "verify.status.suspended"},
		{"list by another issuer", withEntry("revocation", 41), statusFixture(t, other, listURL, "revocation", -1), "verify.status.unavailable"},
		{"list not found", withEntry("revocation", 41), nil, "verify.status.unavailable"},
	}
	for _, c := range cases {
		res := &key.Resolver{Offline: true, Overrides: map[string][]byte{}}
		if c.list != nil {
			res.Overrides[listURL] = c.list
		}
		v := &credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}
		r := v.VerifyDocument(context.Background(), c.name, c.cred)
		got := check(r, "status")
		if got.Key != c.wantKey || r.Verified != (c.wantKey == "verify.status.ok") {
			t.Errorf("%s: %+v (verified %v)", c.name, got, r.Verified)
		}
	}
	// A tampered status list (bit cleared after signing) is not trusted.
	var lc map[string]any
	json.Unmarshal(statusFixture(t, kp, listURL, "revocation", 42), &lc)
	clean, _ := status.New(131072)
	enc, _ := clean.Encode()
	lc["credentialSubject"].(map[string]any)["encodedList"] = enc
	res := &key.Resolver{Offline: true, Overrides: map[string][]byte{listURL: marshal(t, lc)}}
	r := (&credential.Verifier{Resolver: res, Now: at("2027-01-01T00:00:00Z")}).VerifyDocument(context.Background(), "t", withEntry("revocation", 42))
	if c := check(r, "status"); c.OK || c.Key != "verify.status.unavailable" {
		t.Errorf("tampered list: %+v", c)
	}
}
