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
)

// endorserSeed is the seed of a second did:key, the co-signer in these tests.
const endorserSeed = "1111111111111111111111111111111111111111111111111111111111111111"

const issuerProofID = "urn:uuid:3f0e8a64-7d1c-4c55-9d4e-0a6b1c2d3e4f"

var cosigned = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// issuerSigned is a POK Open Badge signed by the issuer's did:key, with a
// proof id so that a chain can name it.
func issuerSigned(t *testing.T) (map[string]any, *key.KeyPair) {
	t.Helper()
	kp := mustKey(t, w3cSeed)
	doc, err := credential.Build(sampleMicroCredential(), sampleAward())
	if err != nil {
		t.Fatal(err)
	}
	delete(doc["issuer"].(map[string]any), "id")
	signed, err := credential.Sign(doc, kp, credential.SignOptions{Created: sampleAward().IssuedAt, ProofID: issuerProofID})
	if err != nil {
		t.Fatal(err)
	}
	return signed, kp
}

// verifySet runs the whole verifier on the credential as JSON text, the way
// the CLI, the web page and the API do.
func verifySet(t *testing.T, v *credential.Verifier, doc map[string]any) credential.Result {
	t.Helper()
	if v == nil {
		v = &credential.Verifier{Now: at("2027-01-01T00:00:00Z")}
	}
	r := v.Verify(context.Background(), "set", marshal(t, doc))
	for _, name := range []string{"proof", "key"} {
		n := 0
		for _, c := range r.Checks {
			if c.Name == name {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d %q checks, want exactly one", n, name)
		}
	}
	return r
}

// A set of two valid proofs, the issuer's and a did:key co-signer's, verifies;
// the messages count the proofs and name the co-signer.
func TestVerifyProofSetIssuerAndCosigner(t *testing.T) {
	signed, kp := issuerSigned(t)
	endorser := mustKey(t, endorserSeed)
	set, err := credential.Sign(signed, endorser, credential.SignOptions{Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	proofs, ok := set["proof"].([]any)
	if !ok || len(proofs) != 2 || set["id"] != signed["id"] || set["validFrom"] != signed["validFrom"] {
		t.Fatalf("Sign over a signed credential: proof %v, id %v", set["proof"], set["id"])
	}
	r := verifySet(t, nil, set)
	if !r.Verified {
		t.Fatalf("not verified: %+v", r.Failed())
	}
	pc, kc := check(r, "proof"), check(r, "key")
	if pc.Key != "verify.proofs.ok" || pc.Message != "All 2 signatures are valid (eddsa-rdfc-2022)." {
		t.Errorf("proof check %+v", pc)
	}
	if got := pc.In("fi"); got != "Kaikki 2 allekirjoitusta ovat kelvollisia (eddsa-rdfc-2022)." {
		t.Errorf("in Finnish: %q", got)
	}
	if kc.Key != "verify.keys.ok_cosigned" || !strings.Contains(kc.Message, kp.VerificationMethodID()) || !strings.Contains(kc.Message, "Other signers: "+endorser.DID()+".") {
		t.Errorf("key check %+v", kc)
	}

	// A co-signer may use the other suite.
	mixed, err := credential.Sign(signed, endorser, credential.SignOptions{Created: cosigned, Cryptosuite: "eddsa-jcs-2022"})
	if err != nil {
		t.Fatal(err)
	}
	r = verifySet(t, nil, mixed)
	if !r.Verified || check(r, "proof").Message != "All 2 signatures are valid (eddsa-rdfc-2022, eddsa-jcs-2022)." {
		t.Errorf("mixed suites: %+v", r.Checks)
	}

	// Two proofs by the issuer's own key.
	twice, err := credential.Sign(signed, kp, credential.SignOptions{Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	r = verifySet(t, nil, twice)
	if kc := check(r, "key"); !r.Verified || kc.Key != "verify.keys.ok" || kc.Args[0] != "2" {
		t.Errorf("two issuer proofs: %+v", r.Checks)
	}
}

// One changed proof, or a changed credential, fails the whole set with
// bad_signature.
func TestVerifyProofSetTampered(t *testing.T) {
	signed, _ := issuerSigned(t)
	set, err := credential.Sign(signed, mustKey(t, endorserSeed), credential.SignOptions{Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	for name, tamper := range map[string]func(d map[string]any){
		"co-signer's proof": func(d map[string]any) { d["proof"].([]any)[1].(map[string]any)["created"] = "2026-12-02T09:00:00Z" },
		"issuer's proof":    func(d map[string]any) { d["proof"].([]any)[0].(map[string]any)["created"] = "2026-12-02T09:00:00Z" },
		"credential":        func(d map[string]any) { d["name"] = "Something else" },
	} {
		var d map[string]any
		json.Unmarshal(marshal(t, set), &d)
		tamper(d)
		r := verifySet(t, nil, d)
		if c := check(r, "proof"); c.OK || c.Key != "verify.proof.bad_signature" || r.Verified {
			t.Errorf("%s changed: %+v", name, c)
		}
	}
}

// A chain: the endorser signs the issuer's proof along with the credential.
// Removing the issuer's proof is a precise failure, not a bad signature.
func TestVerifyProofChain(t *testing.T) {
	signed, _ := issuerSigned(t)
	endorser := mustKey(t, endorserSeed)
	chain, err := credential.Sign(signed, endorser, credential.SignOptions{Created: cosigned, PreviousProof: []string{issuerProofID}})
	if err != nil {
		t.Fatal(err)
	}
	r := verifySet(t, nil, chain)
	if !r.Verified {
		t.Fatalf("chain not verified: %+v", r.Failed())
	}
	if c := check(r, "proof"); c.Key != "verify.proofs.ok_chain" || c.Message != "All 2 signatures are valid (eddsa-rdfc-2022), including 1 chained to earlier signatures (a proof chain)." {
		t.Errorf("proof check %+v", c)
	}

	// The chained proof signed the issuer's proof: changing that proof's
	// value breaks the chain even though the credential is unchanged.
	var d map[string]any
	json.Unmarshal(marshal(t, chain), &d)
	d["proof"].([]any)[0].(map[string]any)["proofPurpose"] = "authentication"
	if c := check(verifySet(t, nil, d), "proof"); c.OK || c.Key != "verify.proof.bad_signature" {
		t.Errorf("issuer's proof changed: %+v", c)
	}

	// The previous proof removed.
	json.Unmarshal(marshal(t, chain), &d)
	d["proof"] = d["proof"].([]any)[1:]
	r = verifySet(t, nil, d)
	pc := check(r, "proof")
	if pc.OK || pc.Key != "verify.proof.chain" || r.Verified ||
		pc.Message != "The signatures do not fit together as a proof set or chain: the proof names previousProof "+issuerProofID+", which is not among the proofs of the document" {
		t.Errorf("previous proof removed: %+v", pc)
	}
	if kc := check(r, "key"); kc.OK || kc.Key != "verify.key.skipped" {
		t.Errorf("key check after a broken chain: %+v", kc)
	}

	// Two proofs with one id, and a cycle.
	for name, edit := range map[string]func(ps []any){
		"duplicate id": func(ps []any) { ps[1].(map[string]any)["id"] = issuerProofID },
		"cycle":        func(ps []any) { ps[0].(map[string]any)["previousProof"] = issuerProofID },
	} {
		json.Unmarshal(marshal(t, chain), &d)
		edit(d["proof"].([]any))
		if c := check(verifySet(t, nil, d), "proof"); c.OK || c.Key != "verify.proof.chain" {
			t.Errorf("%s: %+v", name, c)
		}
	}

	// Sign refuses to chain to a proof that is not there.
	if _, err := credential.Sign(signed, endorser, credential.SignOptions{PreviousProof: []string{"urn:uuid:none"}}); err == nil {
		t.Error("Sign chained to an absent proof")
	}
}

// Proofs that all verify but none by the issuer's key fail the key check.
func TestVerifyProofSetWithoutIssuer(t *testing.T) {
	issuer, a, b := mustKey(t, w3cSeed), mustKey(t, endorserSeed), mustKey(t, strings.Repeat("22", 32))
	doc, _ := credential.Build(sampleMicroCredential(), sampleAward())
	doc["issuer"].(map[string]any)["id"] = issuer.DID()
	first, err := dataintegrity.Sign(doc, a.Private, dataintegrity.Options{VerificationMethod: a.VerificationMethodID(), Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	set, err := credential.Sign(first, b, credential.SignOptions{Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	r := verifySet(t, nil, set)
	if !check(r, "proof").OK {
		t.Errorf("proof check %+v", check(r, "proof"))
	}
	kc := check(r, "key")
	if kc.OK || kc.Key != "verify.keys.not_issuer" || r.Verified ||
		kc.Message != "None of the 2 signatures was made with a key of the issuer "+issuer.DID()+"; signed by: "+a.DID()+", "+b.DID() {
		t.Errorf("key check %+v", kc)
	}
}

// A co-signer's proof must be made for assertionMethod, and its key must be
// resolvable.
func TestVerifyProofSetCosignerKey(t *testing.T) {
	signed, _ := issuerSigned(t)
	endorser := mustKey(t, endorserSeed)
	auth, err := dataintegrity.Sign(signed, endorser.Private, dataintegrity.Options{VerificationMethod: endorser.VerificationMethodID(), ProofPurpose: "authentication", Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	r := verifySet(t, nil, auth)
	if kc := check(r, "key"); kc.OK || kc.Key != "verify.keys.unauthorised" || !strings.Contains(kc.Message, `Signature 2 of 2`) || !strings.Contains(kc.Message, `"authentication"`) || r.Verified {
		t.Errorf("authentication proof: %+v", kc)
	}
	remote, err := dataintegrity.Sign(signed, endorser.Private, dataintegrity.Options{VerificationMethod: "https://endorser.example/keys#1", Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	r = verifySet(t, nil, remote)
	if pc, kc := check(r, "proof"), check(r, "key"); pc.OK || pc.Message != "The signature could not be checked: proof 2 of 2: the signing key could not be resolved" ||
		kc.Key != "verify.key.unresolved" || !strings.HasPrefix(kc.Args[0], "proof 2 of 2: ") {
		t.Errorf("unresolvable co-signer: %+v / %+v", pc, kc)
	}
}

// The 1EdTech vector, issued by an https issuer whose controller document
// lists the key, endorsed by a did:key: the issuer's proof is found among two.
func TestVerifyOB3VectorEndorsed(t *testing.T) {
	var tk struct{ PublicKeyHex string }
	json.Unmarshal(marshal(t, readJSON(t, "testdata/ob3/1edtech-test-key.json")), &tk)
	pub, _ := hex.DecodeString(tk.PublicKeyHex)
	cd, err := key.NewControllerDocument("https://example.edu/issuers/565049", pub)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := cd.JSON()
	v := &credential.Verifier{Resolver: &key.Resolver{Offline: true, Overrides: map[string][]byte{"https://example.edu/issuers/565049": body}}}
	endorsed, err := credential.Sign(readJSON(t, "testdata/ob3/ob3-ldp-signed.json"), mustKey(t, endorserSeed), credential.SignOptions{Created: cosigned})
	if err != nil {
		t.Fatal(err)
	}
	r := verifySet(t, v, endorsed)
	if !r.Verified || check(r, "key").Key != "verify.keys.ok_cosigned" {
		t.Errorf("endorsed vector: %+v", r.Checks)
	}
}

// The W3C proof chain vector: all four proofs verify (two chained); its
// issuer is an https URL that lists none of the did:keys, so the key check
// fails, as for the single-proof vectors.
func TestVerifyW3CProofChainVector(t *testing.T) {
	v := &credential.Verifier{}
	for f, want := range map[string]string{
		"testdata/vc-di-eddsa/proof-set-chain/signedProofSet2.json":   "All 2 signatures are valid (eddsa-rdfc-2022).",
		"testdata/vc-di-eddsa/proof-set-chain/signedProofChain2.json": "All 4 signatures are valid (eddsa-rdfc-2022), including 2 chained to earlier signatures (a proof chain).",
	} {
		r := v.VerifyDocument(context.Background(), f, readJSON(t, f))
		if c := check(r, "proof"); !c.OK || c.Message != want {
			t.Errorf("%s: proof %+v", f, c)
		}
		if c := check(r, "key"); c.OK || c.Key != "verify.keys.not_issuer" || !strings.Contains(c.Message, "https://vc.example/issuers/5678") {
			t.Errorf("%s: key %+v", f, c)
		}
	}
}
