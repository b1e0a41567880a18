package dataintegrity

import (
	"crypto/ed25519"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential/jsonld"
)

func signedOB3(t *testing.T) (map[string]any, ed25519.PublicKey) {
	priv, _ := ob3Key(t)
	return readJSON(t, "testdata/ob3/ob3-ldp-signed.json"), priv.Public().(ed25519.PublicKey)
}

// TestTamperedFails: any change to what was signed, or the wrong key, fails.
func TestTamperedFails(t *testing.T) {
	otherPub, _, _ := ed25519.GenerateKey(strings.NewReader(strings.Repeat("x", 64)))
	for _, c := range []struct {
		name   string
		mutate func(doc map[string]any)
		want   error
	}{
		{"changed name", func(d map[string]any) { d["name"] = "Teamwork Badge!" }, ErrBadSignature},
		{"changed nested value", func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["criteria"].(map[string]any)["narrative"] = "x"
		}, ErrBadSignature},
		{"changed subject id", func(d map[string]any) { d["credentialSubject"].(map[string]any)["id"] = "did:example:other" }, ErrBadSignature},
		{"added property", func(d map[string]any) { d["description"] = "new" }, ErrBadSignature},
		{"removed property", func(d map[string]any) { delete(d, "validFrom") }, ErrBadSignature},
		{"changed proof created", func(d map[string]any) { d["proof"].(map[string]any)["created"] = "2010-01-01T19:23:25Z" }, ErrBadSignature},
		{"changed verification method", func(d map[string]any) {
			d["proof"].(map[string]any)["verificationMethod"] = "https://example.edu/issuers/565049#other"
		}, ErrBadSignature},
		{"changed proof purpose", func(d map[string]any) { d["proof"].(map[string]any)["proofPurpose"] = "authentication" }, ErrBadSignature},
		{"flipped signature", func(d map[string]any) {
			p := d["proof"].(map[string]any)
			sig, _ := multibaseDecode(p["proofValue"].(string))
			sig[10] ^= 1
			p["proofValue"] = multibaseEncode(sig)
		}, ErrBadSignature},
		{"short signature", func(d map[string]any) { d["proof"].(map[string]any)["proofValue"] = "z3FXQ" }, ErrMalformedProof},
		{"not base58btc", func(d map[string]any) { d["proof"].(map[string]any)["proofValue"] = "uAAAA" }, ErrMalformedProof},
		{"bad base58 character", func(d map[string]any) { d["proof"].(map[string]any)["proofValue"] = "z0OIl" }, ErrMalformedProof},
		{"missing proofValue", func(d map[string]any) { delete(d["proof"].(map[string]any), "proofValue") }, ErrMalformedProof},
		{"missing verificationMethod", func(d map[string]any) { delete(d["proof"].(map[string]any), "verificationMethod") }, ErrMalformedProof},
		{"proof not an object", func(d map[string]any) { d["proof"] = "z123" }, ErrMalformedProof},
		{"bad created", func(d map[string]any) { d["proof"].(map[string]any)["created"] = "yesterday" }, ErrMalformedProof},
		{"unknown cryptosuite", func(d map[string]any) { d["proof"].(map[string]any)["cryptosuite"] = "ecdsa-rdfc-2019" }, ErrUnsupportedCryptosuite},
		{"unknown proof type", func(d map[string]any) { d["proof"].(map[string]any)["type"] = "Ed25519Signature2020" }, ErrUnsupportedCryptosuite},
		{"no proof", func(d map[string]any) { delete(d, "proof") }, ErrNoProof},
		{"context swapped (terms undefined)", func(d map[string]any) {
			d["@context"] = []any{"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}
		}, ErrCanonicalization},
		{"unknown context", func(d map[string]any) {
			d["@context"] = append(d["@context"].([]any), "https://attacker.example/context.json")
		}, ErrCanonicalization},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, pub := signedOB3(t)
			if err := Verify(doc, pub); err != nil {
				t.Fatalf("untouched vector: %v", err)
			}
			c.mutate(doc)
			if err := Verify(doc, pub); !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
	t.Run("wrong key", func(t *testing.T) {
		doc, _ := signedOB3(t)
		if err := Verify(doc, otherPub); !errors.Is(err, ErrBadSignature) {
			t.Fatalf("want ErrBadSignature, got %v", err)
		}
		if err := Verify(doc, otherPub[:31]); !errors.Is(err, ErrInvalidKey) {
			t.Fatalf("want ErrInvalidKey, got %v", err)
		}
	})
}

// TestJCSTampered: eddsa-jcs-2022 detects changes too, including to the
// proof's @context.
func TestJCSTampered(t *testing.T) {
	kp := readJSON(t, vecDir+"keyPair.json")
	pub := decodeMultikeyPublic(t, kp["publicKeyMultibase"].(string))
	for _, c := range []struct {
		name   string
		mutate func(doc map[string]any)
		want   error
	}{
		{"changed value", func(d map[string]any) { d["name"] = "Alumni Credential 2" }, ErrBadSignature},
		{"reordered keys are fine", func(d map[string]any) {}, nil},
		{"proof context differs", func(d map[string]any) {
			d["proof"].(map[string]any)["@context"] = []any{"https://www.w3.org/ns/credentials/v2"}
		}, ErrMalformedProof},
		{"number changed", func(d map[string]any) { d["extra"] = 1.5 }, ErrBadSignature},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := readJSON(t, vecDir+"eddsa-jcs-2022/signedJCS.json")
			c.mutate(doc)
			err := Verify(doc, pub)
			if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
}

// TestSignRoundTrip signs with both suites, checks the input is untouched
// and the output verifies, and checks Sign's argument errors.
func TestSignRoundTrip(t *testing.T) {
	priv, _ := ob3Key(t)
	pub := priv.Public().(ed25519.PublicKey)
	doc := readJSON(t, "testdata/ob3/ob3-ldp-unsigned.json")
	orig := deepCopy(doc)
	for _, suite := range []string{"", EddsaRDFC2022, EddsaJCS2022} {
		signed, err := Sign(doc, priv, Options{Cryptosuite: suite, VerificationMethod: "did:key:z6Mk#z6Mk"})
		if err != nil {
			t.Fatalf("%q: %v", suite, err)
		}
		if err := Verify(signed, pub); err != nil {
			t.Fatalf("%q: %v", suite, err)
		}
		p, err := ProofOf(signed)
		if err != nil {
			t.Fatal(err)
		}
		if p.ProofPurpose != AssertionMethod || p.Type != ProofType || time.Since(p.Created) > time.Minute {
			t.Errorf("%q: proof %+v", suite, p)
		}
		if want := suite; want != "" && p.Cryptosuite != want || want == "" && p.Cryptosuite != EddsaRDFC2022 {
			t.Errorf("cryptosuite %q", p.Cryptosuite)
		}
	}
	if !reflect.DeepEqual(any(doc), orig) {
		t.Error("Sign modified its input")
	}
	signed, _ := Sign(doc, priv, Options{VerificationMethod: "did:key:z6Mk#z6Mk"})
	for _, c := range []struct {
		name string
		doc  map[string]any
		key  ed25519.PrivateKey
		opts Options
		want error
	}{
		{"no verification method", doc, priv, Options{}, ErrMalformedProof},
		{"unknown suite", doc, priv, Options{Cryptosuite: "bbs-2023", VerificationMethod: "x:y"}, ErrUnsupportedCryptosuite},
		{"short key", doc, priv[:32], Options{VerificationMethod: "x:y"}, ErrInvalidKey},
		{"already signed with a malformed proof", withProof(signed, "z123"), priv, Options{VerificationMethod: "x:y"}, ErrMalformedProof},
		{"no context", map[string]any{"name": "x"}, priv, Options{VerificationMethod: "x:y"}, ErrCanonicalization},
		{"undefined term", map[string]any{"@context": "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "nmae": "x"}, priv, Options{VerificationMethod: "x:y"}, jsonld.ErrDataLoss},
	} {
		if _, err := Sign(c.doc, c.key, c.opts); !errors.Is(err, c.want) {
			t.Errorf("%s: want %v, got %v", c.name, c.want, err)
		}
	}
}

func withProof(doc map[string]any, proof any) map[string]any {
	out := withoutKey(doc, "")
	out["proof"] = proof
	return out
}

// TestProofOf reads proofs, including a one-element proof array.
func TestProofOf(t *testing.T) {
	doc, _ := signedOB3(t)
	p, err := ProofOf(doc)
	if err != nil {
		t.Fatal(err)
	}
	if p.VerificationMethod != "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi" ||
		p.Cryptosuite != EddsaRDFC2022 || !p.Created.Equal(time.Date(2010, 1, 1, 19, 23, 24, 0, time.UTC)) {
		t.Errorf("proof %+v", p)
	}
	doc["proof"] = []any{doc["proof"]}
	if _, err := ProofOf(doc); err != nil {
		t.Errorf("one-element array: %v", err)
	}
	doc["proof"] = []any{}
	if _, err := ProofOf(doc); !errors.Is(err, ErrNoProof) {
		t.Errorf("empty array: %v", err)
	}
}

// TestNestedCLRCredential: the AchievementCredential inside the CLR vector
// carries its own proof by the same key; it verifies on its own.
func TestNestedCLRCredential(t *testing.T) {
	priv, _ := ob3Key(t)
	clr := readJSON(t, "testdata/ob3/clr2-ldp-signed.json")
	vcs := clr["credentialSubject"].(map[string]any)["verifiableCredential"].([]any)
	for i, vc := range vcs {
		if err := Verify(vc.(map[string]any), priv.Public().(ed25519.PublicKey)); err != nil {
			t.Errorf("nested credential %d: %v", i, err)
		}
	}
}
