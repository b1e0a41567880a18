package dataintegrity

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"

	"github.com/pokot/pokot/credential/jsonld"
)

// ob3Key returns the 1EdTech implementation-guide test key.
func ob3Key(t testing.TB) (ed25519.PrivateKey, map[string]any) {
	t.Helper()
	k := readJSON(t, "testdata/ob3/1edtech-test-key.json")
	full, err := hex.DecodeString(k["privateKeyHex_seed_plus_pub"].(string))
	if err != nil {
		t.Fatal(err)
	}
	priv := ed25519.NewKeyFromSeed(full[:32])
	if !reflect.DeepEqual([]byte(priv), full) {
		t.Fatal("test key seed and public half disagree")
	}
	if got := decodeMultikeySecret(t, k["secretKeyMultibase_as_published"].(string)); !got.Equal(priv) {
		t.Fatal("published Multikey secret differs from the hex key")
	}
	if got := decodeMultikeyPublic(t, k["publicKeyMultibase"].(string)); !got.Equal(priv.Public()) {
		t.Fatal("published Multikey public key differs")
	}
	return priv, k
}

// TestOB3Vectors checks the Open Badges 3.0 and CLR 2.0 implementation-guide
// vectors: canonical document and proof N-Quads, hashes, verification and
// byte-for-byte re-signing.
func TestOB3Vectors(t *testing.T) {
	priv, key := ob3Key(t)
	pub := priv.Public().(ed25519.PublicKey)
	for _, c := range []struct{ name, prefix, canon, expected string }{
		{"OB 3.0", "ob3", "obv3p0", "ob3_expected"},
		{"CLR 2.0", "clr2", "clrv2p0", "clr2_expected"},
	} {
		t.Run(c.name, func(t *testing.T) {
			exp := key[c.expected].(map[string]any)
			signed := readJSON(t, "testdata/ob3/"+c.prefix+"-ldp-signed.json")
			unsigned := readJSON(t, "testdata/ob3/"+c.prefix+"-ldp-unsigned.json")
			if err := Verify(signed, pub); err != nil {
				t.Fatalf("verify: %v", err)
			}
			p, err := ProofOf(signed)
			if err != nil {
				t.Fatal(err)
			}
			proof := p.Raw
			config := withoutKey(proof, "proofValue")
			config["@context"] = signed["@context"]

			canonDoc, err := jsonld.Default.Canonicalize(unsigned)
			if err != nil {
				t.Fatal(err)
			}
			if want := readText(t, "testdata/ob3/"+c.canon+"-document-canon.txt"); canonDoc != want {
				t.Errorf("document N-Quads\ngot:\n%s\nwant:\n%s", canonDoc, want)
			}
			canonProof, err := jsonld.Default.Canonicalize(config)
			if err != nil {
				t.Fatal(err)
			}
			if want := readText(t, "testdata/ob3/"+c.canon+"-proof-canon.txt"); canonProof != want {
				t.Errorf("proof N-Quads\ngot:\n%s\nwant:\n%s", canonProof, want)
			}
			dh, ph := sha256.Sum256([]byte(canonDoc)), sha256.Sum256([]byte(canonProof))
			if hex.EncodeToString(dh[:]) != exp["documentHashHex"] || hex.EncodeToString(ph[:]) != exp["proofHashHex"] {
				t.Errorf("hashes %x %x, want %v %v", dh, ph, exp["documentHashHex"], exp["proofHashHex"])
			}

			resigned, err := Sign(unsigned, priv, Options{VerificationMethod: p.VerificationMethod, Created: p.Created})
			if err != nil {
				t.Fatal(err)
			}
			if got := resigned["proof"].(map[string]any)["proofValue"]; got != exp["proofValue"] || got != proof["proofValue"] {
				t.Errorf("re-signed proofValue %v, want %v", got, exp["proofValue"])
			}
			if _, isSet := signed["proof"].([]any); isSet {
				resigned["proof"] = []any{resigned["proof"]}
			}
			if !reflect.DeepEqual(resigned, signed) {
				t.Errorf("re-signed document differs from the vector")
			}
		})
	}
}
