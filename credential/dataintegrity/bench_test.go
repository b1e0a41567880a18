package dataintegrity

import (
	"crypto/ed25519"
	"testing"
	"time"
)

const ob3Method = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"

// BenchmarkSign signs the OB 3.0 implementation-guide credential with
// eddsa-rdfc-2022 (two canonicalizations and one Ed25519 signature).
func BenchmarkSign(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-unsigned.json")
	opts := Options{VerificationMethod: ob3Method, Created: time.Unix(1262373804, 0)}
	loopWithCPU(b, func() {
		if _, err := Sign(doc, priv, opts); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkVerify verifies the signed OB 3.0 implementation-guide credential.
func BenchmarkVerify(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-signed.json")
	pub := priv.Public().(ed25519.PublicKey)
	loopWithCPU(b, func() {
		if err := Verify(doc, pub); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSignJCS signs the same credential with eddsa-jcs-2022.
func BenchmarkSignJCS(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-unsigned.json")
	opts := Options{Cryptosuite: EddsaJCS2022, VerificationMethod: ob3Method, Created: time.Unix(1262373804, 0)}
	loopWithCPU(b, func() {
		if _, err := Sign(doc, priv, opts); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkVerifyJCS verifies an eddsa-jcs-2022 proof on the same credential.
func BenchmarkVerifyJCS(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-unsigned.json")
	signed, err := Sign(doc, priv, Options{Cryptosuite: EddsaJCS2022, VerificationMethod: ob3Method, Created: time.Unix(1262373804, 0)})
	if err != nil {
		b.Fatal(err)
	}
	pub := priv.Public().(ed25519.PublicKey)
	loopWithCPU(b, func() {
		if err := Verify(signed, pub); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkEd25519Verify is the bare signature check, for scale.
func BenchmarkEd25519Verify(b *testing.B) {
	priv, _ := ob3Key(b)
	pub := priv.Public().(ed25519.PublicKey)
	msg := make([]byte, 64)
	sig := ed25519.Sign(priv, msg)
	loopWithCPU(b, func() {
		if !ed25519.Verify(pub, msg, sig) {
			b.Fatal("verify failed")
		}
	})
}
