package dataintegrity

import (
	"crypto/ed25519"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

const setDir = vecDir + "proof-set-chain/"

// setKeys returns the four key pairs of the W3C proof set/chain vectors.
func setKeys(t testing.TB) (privs []ed25519.PrivateKey, pubs []ed25519.PublicKey, vms []string) {
	t.Helper()
	pairs := readJSON(t, setDir+"multiKeyPairs.json")
	for _, name := range []string{"keyPair1", "keyPair2", "keyPair3", "keyPair4"} {
		kp := pairs[name].(map[string]any)
		pk := kp["publicKeyMultibase"].(string)
		priv := decodeMultikeySecret(t, kp["privateKeyMultibase"].(string))
		pub := decodeMultikeyPublic(t, pk)
		if !pub.Equal(priv.Public()) {
			t.Fatalf("%s does not match", name)
		}
		privs, pubs, vms = append(privs, priv), append(pubs, pub), append(vms, "did:key:"+pk+"#"+pk)
	}
	return privs, pubs, vms
}

// TestProofSetChainVectors reproduces the W3C vc-di-eddsa proof set and
// proof chain vectors byte for byte by adding the proofs one after another
// (Add Proof Set/Chain), then verifies every proof of every vector.
func TestProofSetChainVectors(t *testing.T) {
	privs, pubs, vms := setKeys(t)
	const id1, id2, id3 = "urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544", "urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54", "urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23"
	t1, _ := time.Parse(time.RFC3339, "2023-02-24T23:36:38Z")
	t2, _ := time.Parse(time.RFC3339, "2023-02-26T22:06:38Z")
	t3, _ := time.Parse(time.RFC3339, "2023-02-26T22:16:38Z")
	steps := []struct {
		want string
		key  int
		opts Options
	}{
		{"signedProofSet1.json", 0, Options{ID: id1, Created: t1}},
		{"signedProofSet2.json", 1, Options{ID: id2, Created: t1}},
		{"signedProofChain1.json", 2, Options{ID: id3, Created: t2, PreviousProof: []string{id1, id2}}},
		{"signedProofChain2.json", 3, Options{Created: t3, PreviousProof: []string{id3}}},
	}
	doc := readJSON(t, setDir+"unsigned.json")
	for _, s := range steps {
		opts := s.opts
		opts.VerificationMethod = vms[s.key]
		next, err := Sign(doc, privs[s.key], opts)
		if err != nil {
			t.Fatalf("%s: %v", s.want, err)
		}
		want := readJSON(t, setDir+s.want)
		if !reflect.DeepEqual(next, want) {
			t.Fatalf("%s differs from the vector\ngot  %v\nwant %v", s.want, next, want)
		}
		doc = next
	}

	// Every proof of every vector verifies with its own key, and with no other.
	for i, s := range steps {
		doc := readJSON(t, setDir+s.want)
		ps, err := ProofsOf(doc)
		if err != nil {
			t.Fatalf("%s: %v", s.want, err)
		}
		if len(ps) != i+1 {
			t.Fatalf("%s: %d proofs, want %d", s.want, len(ps), i+1)
		}
		for j, p := range ps {
			if err := VerifyProof(doc, p, pubs[j]); err != nil {
				t.Errorf("%s, %s: %v", s.want, p.Name(len(ps)), err)
			}
			if err := VerifyProof(doc, p, pubs[(j+1)%4]); !errors.Is(err, ErrBadSignature) {
				t.Errorf("%s, %s with another key: want ErrBadSignature, got %v", s.want, p.Name(len(ps)), err)
			}
		}
	}
}

// TestChainInputDocument: what a chained proof signs is the document with
// exactly the proofs its previousProof names — the vectors' temp documents.
func TestChainInputDocument(t *testing.T) {
	doc := readJSON(t, setDir+"signedProofChain2.json")
	ps, err := ProofsOf(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		proof int
		want  string
	}{{2, "proofChainTempDoc1.json"}, {3, "proofChainTempDoc2.json"}} {
		got, err := inputDocument(doc, ps[c.proof])
		if err != nil {
			t.Fatal(err)
		}
		if want := readJSON(t, setDir+c.want); !reflect.DeepEqual(got, want) {
			t.Errorf("input of proof %d differs from %s\ngot  %v\nwant %v", c.proof+1, c.want, got, want)
		}
	}
	if got, _ := inputDocument(doc, ps[0]); !reflect.DeepEqual(got, readJSON(t, setDir+"unsigned.json")) {
		t.Errorf("input of an unchained proof is not the unsigned document: %v", got)
	}
	if ps[3].ID != "" || !reflect.DeepEqual(ps[3].PreviousProof, []string{"urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23"}) || ps[2].Index != 2 {
		t.Errorf("proof fields: %+v / %+v", ps[3], ps[2])
	}
}

// TestProofSetTamper: a changed proof fails alone in a set; in a chain, a
// changed earlier proof also breaks every proof that chains to it.
func TestProofSetTamper(t *testing.T) {
	_, pubs, _ := setKeys(t)
	verifyAll := func(doc map[string]any) []error {
		ps, err := ProofsOf(doc)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]error, len(ps))
		for i, p := range ps {
			out[i] = VerifyProof(doc, p, pubs[i])
		}
		return out
	}
	set := readJSON(t, setDir+"signedProofSet2.json")
	set["proof"].([]any)[1].(map[string]any)["created"] = "2023-02-24T23:36:39Z"
	if errs := verifyAll(set); errs[0] != nil || !errors.Is(errs[1], ErrBadSignature) {
		t.Errorf("set with proof 2 changed: %v", errs)
	}
	set = readJSON(t, setDir+"signedProofSet2.json")
	set["name"] = "Changed"
	if errs := verifyAll(set); !errors.Is(errs[0], ErrBadSignature) || !errors.Is(errs[1], ErrBadSignature) {
		t.Errorf("set with the document changed: %v", errs)
	}
	chain := readJSON(t, setDir+"signedProofChain2.json")
	p1 := chain["proof"].([]any)[0].(map[string]any)
	sig, _ := multibaseDecode(p1["proofValue"].(string))
	sig[0] ^= 1
	p1["proofValue"] = multibaseEncode(sig)
	errs := verifyAll(chain)
	if !errors.Is(errs[0], ErrBadSignature) || errs[1] != nil || !errors.Is(errs[2], ErrBadSignature) || errs[3] != nil {
		t.Errorf("chain with proof 1 changed: want proofs 1 and 3 to fail, got %v", errs)
	}
	// Reordering the proofs of a set changes nothing that is signed.
	set = readJSON(t, setDir+"signedProofSet2.json")
	l := set["proof"].([]any)
	l[0], l[1] = l[1], l[0]
	ps, _ := ProofsOf(set)
	if VerifyProof(set, ps[0], pubs[1]) != nil || VerifyProof(set, ps[1], pubs[0]) != nil {
		t.Error("reordered set does not verify")
	}
}

// TestProofChainRefused: broken chains and malformed sets fail with a
// precise error naming the proof, before anything is canonicalized.
func TestProofChainRefused(t *testing.T) {
	proofs := func(doc map[string]any) []any { return doc["proof"].([]any) }
	for _, c := range []struct {
		name, msg string
		mutate    func(d map[string]any)
		want      error
	}{
		{"previous proof removed", "proof 3 of 3 names previousProof urn:uuid:d94f792a", func(d map[string]any) {
			d["proof"] = append(proofs(d)[:2:2], proofs(d)[3])
		}, ErrProofChain},
		{"only the chained proof left", "the proof names previousProof urn:uuid:d94f792a", func(d map[string]any) { d["proof"] = proofs(d)[3] }, ErrProofChain},
		{"unknown id in a list", "names previousProof urn:uuid:other", func(d map[string]any) {
			proofs(d)[2].(map[string]any)["previousProof"] = []any{"urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544", "urn:uuid:other"}
		}, ErrProofChain},
		{"duplicate id", "proof 1 of 4 (urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544) and proof 2 of 4 (urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544) have the same id", func(d map[string]any) {
			proofs(d)[1].(map[string]any)["id"] = "urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544"
		}, ErrProofChain},
		{"cycle", "form a cycle", func(d map[string]any) {
			proofs(d)[0].(map[string]any)["previousProof"] = "urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23"
		}, ErrProofChain},
		{"self reference", "form a cycle", func(d map[string]any) {
			proofs(d)[1].(map[string]any)["previousProof"] = "urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54"
		}, ErrProofChain},
		{"previousProof a number", `proof 4 of 4: dataintegrity: malformed proof: "previousProof" is neither`, func(d map[string]any) {
			proofs(d)[3].(map[string]any)["previousProof"] = 3.0
		}, ErrMalformedProof},
		{"previousProof empty list", "is an empty list", func(d map[string]any) {
			proofs(d)[3].(map[string]any)["previousProof"] = []any{}
		}, ErrMalformedProof},
		{"id not a string", `"id" is not a non-empty string`, func(d map[string]any) {
			proofs(d)[0].(map[string]any)["id"] = map[string]any{}
		}, ErrMalformedProof},
		{"member not an object", "proof 2 of 4: dataintegrity: malformed proof: proof is not an object", func(d map[string]any) {
			proofs(d)[1] = "z123"
		}, ErrMalformedProof},
		{"too many proofs", "17 proofs, at most 16", func(d map[string]any) {
			l := proofs(d)
			for len(l) < MaxProofs+1 {
				l = append(l, withoutKey(proofs(d)[1].(map[string]any), "id"))
			}
			d["proof"] = l
		}, ErrMalformedProof},
		{"empty list", "", func(d map[string]any) { d["proof"] = []any{} }, ErrNoProof},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := readJSON(t, setDir+"signedProofChain2.json")
			c.mutate(doc)
			_, err := ProofsOf(doc)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("want %v containing %q, got %v", c.want, c.msg, err)
			}
		})
	}
}

// TestSignSetChainRefused: Sign will not name an absent previous proof, reuse
// an id, add to a broken set, or exceed MaxProofs.
func TestSignSetChainRefused(t *testing.T) {
	privs, _, vms := setKeys(t)
	doc := readJSON(t, setDir+"signedProofSet2.json")
	for _, c := range []struct {
		name string
		doc  map[string]any
		opts Options
		want error
	}{
		{"unknown previous", doc, Options{PreviousProof: []string{"urn:uuid:nothing"}}, ErrProofChain},
		{"chain without proofs", readJSON(t, setDir+"unsigned.json"), Options{PreviousProof: []string{"urn:uuid:nothing"}}, ErrProofChain},
		{"id in use", doc, Options{ID: "urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54"}, ErrProofChain},
		{"broken set", map[string]any{"@context": doc["@context"], "proof": []any{map[string]any{"type": "x"}}}, Options{}, ErrMalformedProof},
	} {
		c.opts.VerificationMethod = vms[2]
		if _, err := Sign(c.doc, privs[2], c.opts); !errors.Is(err, c.want) {
			t.Errorf("%s: want %v, got %v", c.name, c.want, err)
		}
	}
	big := readJSON(t, setDir+"signedProofSet2.json")
	l := big["proof"].([]any)
	for len(l) < MaxProofs {
		p := withoutKey(l[1].(map[string]any), "id")
		l = append(l, p)
	}
	big["proof"] = l
	if _, err := Sign(big, privs[2], Options{VerificationMethod: vms[2]}); !errors.Is(err, ErrMalformedProof) || !strings.Contains(err.Error(), "already has 16 proofs") {
		t.Errorf("over MaxProofs: %v", err)
	}
	// Signing a set leaves the input alone.
	before := deepCopy(doc)
	if _, err := Sign(doc, privs[2], Options{VerificationMethod: vms[2], PreviousProof: []string{"urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54"}}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(any(doc), before) {
		t.Error("Sign modified its input")
	}
}

// TestJCSChain: a chain of eddsa-jcs-2022 proofs, where the JSON text of the
// previous proof is signed, verifies, and a changed previous proof breaks it.
func TestJCSChain(t *testing.T) {
	privs, pubs, vms := setKeys(t)
	doc := readJSON(t, setDir+"unsigned.json")
	doc, err := Sign(doc, privs[0], Options{Cryptosuite: EddsaJCS2022, VerificationMethod: vms[0], ID: "urn:example:p1"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err = Sign(doc, privs[1], Options{Cryptosuite: EddsaJCS2022, VerificationMethod: vms[1], PreviousProof: []string{"urn:example:p1"}})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ProofsOf(doc)
	if err != nil || len(ps) != 2 {
		t.Fatalf("%d proofs, %v", len(ps), err)
	}
	for i, p := range ps {
		if err := VerifyProof(doc, p, pubs[i]); err != nil {
			t.Errorf("proof %d: %v", i+1, err)
		}
	}
	ps[0].Raw["created"] = "2000-01-01T00:00:00Z"
	if err := VerifyProof(doc, ps[1], pubs[1]); !errors.Is(err, ErrBadSignature) {
		t.Errorf("chained proof after its previous proof changed: %v", err)
	}
	if err := VerifyProof(doc, nil, pubs[1]); !errors.Is(err, ErrMalformedProof) {
		t.Errorf("nil proof: %v", err)
	}
	if err := VerifyProof(doc, ps[1], pubs[1][:5]); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("short key: %v", err)
	}
}
