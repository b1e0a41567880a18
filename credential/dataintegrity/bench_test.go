package dataintegrity

import (
	"crypto/ed25519"
	"testing"
	"time"
)

// BenchmarkSign signs the OB 3.0 implementation-guide credential with
// eddsa-rdfc-2022 (two canonicalizations and one Ed25519 signature).
func BenchmarkSign(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-unsigned.json")
	opts := Options{VerificationMethod: "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", Created: time.Unix(1262373804, 0)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sign(doc, priv, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify verifies the signed OB 3.0 implementation-guide credential.
func BenchmarkVerify(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-signed.json")
	pub := priv.Public().(ed25519.PublicKey)
	b.ReportAllocs()
	for b.Loop() {
		if err := Verify(doc, pub); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignJCS and BenchmarkVerifyJCS measure eddsa-jcs-2022 on the same credential.
func BenchmarkSignJCS(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-unsigned.json")
	opts := Options{Cryptosuite: EddsaJCS2022, VerificationMethod: "did:example:issuer#key-1", Created: time.Unix(1262373804, 0)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sign(doc, priv, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyJCS verifies an eddsa-jcs-2022 proof on the OB 3.0 credential.
func BenchmarkVerifyJCS(b *testing.B) {
	priv, _ := ob3Key(b)
	doc := readJSON(b, "testdata/ob3/ob3-ldp-unsigned.json")
	signed, err := Sign(doc, priv, Options{Cryptosuite: EddsaJCS2022, VerificationMethod: "did:example:issuer#key-1", Created: time.Unix(1262373804, 0)})
	if err != nil {
		b.Fatal(err)
	}
	pub := priv.Public().(ed25519.PublicKey)
	b.ReportAllocs()
	for b.Loop() {
		if err := Verify(signed, pub); err != nil {
			b.Fatal(err)
		}
	}
}
