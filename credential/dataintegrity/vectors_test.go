package dataintegrity

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential/jsonld"
)

const vecDir = "testdata/vc-di-eddsa/"

// TestEddsaVectors reproduces the W3C vc-di-eddsa test vectors byte for byte:
// canonical forms, hashes, signature and signed document, then verifies.
func TestEddsaVectors(t *testing.T) {
	kp := readJSON(t, vecDir+"keyPair.json")
	priv := decodeMultikeySecret(t, kp["privateKeyMultibase"].(string))
	pub := decodeMultikeyPublic(t, kp["publicKeyMultibase"].(string))
	if !pub.Equal(priv.Public()) {
		t.Fatal("vector key pair does not match")
	}
	for _, c := range []struct{ suite, dir, suffix string }{
		{EddsaRDFC2022, "eddsa-rdfc-2022/", "DataInt"},
		{EddsaJCS2022, "eddsa-jcs-2022/", "JCS"},
	} {
		t.Run(c.suite, func(t *testing.T) {
			f := func(name string) string { return vecDir + c.dir + name + c.suffix }
			unsigned := readJSON(t, vecDir+"unsigned.json")
			config := readJSON(t, f("proofConfig")+".json")
			created, err := time.Parse(time.RFC3339, config["created"].(string))
			if err != nil {
				t.Fatal(err)
			}

			// Intermediate canonical forms and hashes.
			var canonDoc, canonProof string
			if c.suite == EddsaRDFC2022 {
				if canonDoc, err = jsonld.Default.Canonicalize(unsigned); err != nil {
					t.Fatal(err)
				}
				if canonProof, err = jsonld.Default.Canonicalize(config); err != nil {
					t.Fatal(err)
				}
			} else {
				b, err := jsonld.JCS(unsigned)
				if err != nil {
					t.Fatal(err)
				}
				canonDoc = string(b)
				if b, err = jsonld.JCS(config); err != nil {
					t.Fatal(err)
				}
				canonProof = string(b)
			}
			if want := readText(t, f("canonDoc")+".txt"); canonDoc != want {
				t.Errorf("canonical document\ngot  %q\nwant %q", canonDoc, want)
			}
			if want := readText(t, f("proofCanon")+".txt"); canonProof != want {
				t.Errorf("canonical proof config\ngot  %q\nwant %q", canonProof, want)
			}
			dh, ph := sha256.Sum256([]byte(canonDoc)), sha256.Sum256([]byte(canonProof))
			if got, want := hex.EncodeToString(dh[:]), readTrim(t, f("docHash")+".txt"); got != want {
				t.Errorf("document hash %s, want %s", got, want)
			}
			if got, want := hex.EncodeToString(ph[:]), readTrim(t, f("proofHash")+".txt"); got != want {
				t.Errorf("proof hash %s, want %s", got, want)
			}
			data, err := hashData(canonicalizer, c.suite, unsigned, config)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := hex.EncodeToString(data), readTrim(t, f("combinedHash")+".txt"); got != want {
				t.Errorf("combined hash %s, want %s", got, want)
			}

			// Signing reproduces the signature and the signed document.
			signed, err := Sign(unsigned, priv, Options{
				Cryptosuite:        c.suite,
				VerificationMethod: config["verificationMethod"].(string),
				Created:            created,
			})
			if err != nil {
				t.Fatal(err)
			}
			proof := signed["proof"].(map[string]any)
			if got, want := proof["proofValue"], readTrim(t, f("sigBTC58")+".txt"); got != want {
				t.Errorf("proofValue %s, want %s", got, want)
			}
			sig, _ := multibaseDecode(proof["proofValue"].(string))
			if got, want := hex.EncodeToString(sig), readTrim(t, f("sigHex")+".txt"); got != want {
				t.Errorf("signature %s, want %s", got, want)
			}
			want := readJSON(t, f("signed")+".json")
			if !reflect.DeepEqual(signed, want) {
				t.Errorf("signed document differs from the vector\ngot  %v\nwant %v", signed, want)
			}
			if _, has := unsigned["proof"]; has {
				t.Error("Sign modified its input")
			}

			// The published signed document verifies.
			if err := Verify(want, pub); err != nil {
				t.Fatalf("verify vector: %v", err)
			}
		})
	}
}

// TestEmployVector: the employment authorization vector uses a context
// (citizenship v4rc1) that is not published in the material we embed, so
// Verify must refuse it naming the URL, while the vector's own canonical
// forms still verify under the vector key.
func TestEmployVector(t *testing.T) {
	dir := vecDir + "eddsa-rdfc-2022/employ/"
	kp := readJSON(t, vecDir+"keyPair.json")
	pub := decodeMultikeyPublic(t, kp["publicKeyMultibase"].(string))
	signed := readJSON(t, dir+"signedDataInt.json")
	err := Verify(signed, pub)
	if !errors.Is(err, ErrCanonicalization) || !errors.Is(err, jsonld.ErrUnknownContext) ||
		!strings.Contains(err.Error(), "https://w3id.org/citizenship/v4rc1") {
		t.Fatalf("want unknown-context canonicalization error naming the URL, got %v", err)
	}
	dh := sha256.Sum256([]byte(readText(t, dir+"canonDocDataInt.txt")))
	ph := sha256.Sum256([]byte(readText(t, dir+"proofCanonDataInt.txt")))
	sig, err := multibaseDecode(signed["proof"].(map[string]any)["proofValue"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if !ed25519.Verify(pub, append(ph[:], dh[:]...), sig) {
		t.Fatal("employ vector signature does not verify over its canonical forms")
	}
	if got, want := hex.EncodeToString(append(ph[:], dh[:]...)), readTrim(t, dir+"combinedHashDataInt.txt"); got != want {
		t.Errorf("combined hash %s, want %s", got, want)
	}
}

// TestOtherVectorsRefused: Ed25519Signature2020 is not a supported suite,
// and Verify, which checks a single proof, refuses proof sets clearly (they
// are read with ProofsOf and verified proof by proof, see proofset_test.go).
func TestOtherVectorsRefused(t *testing.T) {
	kp := readJSON(t, vecDir+"keyPair.json")
	pub := decodeMultikeyPublic(t, kp["publicKeyMultibase"].(string))
	if err := Verify(readJSON(t, vecDir+"Ed25519Signature2020/signedEdSig.json"), pub); !errors.Is(err, ErrMalformedProof) && !errors.Is(err, ErrUnsupportedCryptosuite) {
		t.Errorf("Ed25519Signature2020: got %v", err)
	}
	// The first member of the proof set is a single proof (with an id) by keyPair1.
	pairs := readJSON(t, vecDir+"proof-set-chain/multiKeyPairs.json")
	pub1 := decodeMultikeyPublic(t, pairs["keyPair1"].(map[string]any)["publicKeyMultibase"].(string))
	if err := Verify(readJSON(t, vecDir+"proof-set-chain/signedProofSet1.json"), pub1); err != nil {
		t.Errorf("signedProofSet1 with keyPair1: %v", err)
	}
	if err := Verify(readJSON(t, vecDir+"proof-set-chain/signedProofSet1.json"), pub); !errors.Is(err, ErrBadSignature) {
		t.Errorf("signedProofSet1 with another key: want ErrBadSignature, got %v", err)
	}
	for _, f := range []string{"signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"} {
		if err := Verify(readJSON(t, vecDir+"proof-set-chain/"+f), pub); !errors.Is(err, ErrMalformedProof) {
			t.Errorf("%s: want ErrMalformedProof, got %v", f, err)
		}
	}
}

// TestVerifyWithUsesCanonicalizer: VerifyWith and Options.Canonicalizer
// use the canonicalizer they are given.
func TestVerifyWithUsesCanonicalizer(t *testing.T) {
	kp := readJSON(t, vecDir+"keyPair.json")
	pub := decodeMultikeyPublic(t, kp["publicKeyMultibase"].(string))
	signed := readJSON(t, vecDir+"eddsa-rdfc-2022/signedDataInt.json")
	if err := VerifyWith(jsonld.New(), signed, pub); err != nil {
		t.Fatalf("fresh processor: %v", err)
	}
	if err := VerifyWith(failingCanonicalizer{}, signed, pub); !errors.Is(err, ErrCanonicalization) {
		t.Fatalf("want ErrCanonicalization from the given canonicalizer, got %v", err)
	}
	priv := decodeMultikeySecret(t, kp["privateKeyMultibase"].(string))
	if _, err := Sign(readJSON(t, vecDir+"unsigned.json"), priv, Options{VerificationMethod: "x:y", Canonicalizer: failingCanonicalizer{}}); !errors.Is(err, ErrCanonicalization) {
		t.Fatalf("Sign ignored Options.Canonicalizer: %v", err)
	}
}

type failingCanonicalizer struct{}

func (failingCanonicalizer) Canonicalize(map[string]any) (string, error) {
	return "", errors.New("refused")
}
