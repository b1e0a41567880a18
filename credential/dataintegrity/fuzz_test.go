package dataintegrity

import (
	"crypto/ed25519"
	"encoding/json"
	"os"
	"testing"
)

// FuzzVerify feeds arbitrary JSON documents to ProofOf, Verify, ProofsOf
// and VerifyProof (proof sets and chains among the seeds): they
// must return an error or nil, never panic; nothing but the untouched
// seeds may verify.
func FuzzVerify(f *testing.F) {
	for _, fn := range []string{"testdata/ob3/ob3-ldp-signed.json", "testdata/ob3/clr2-ldp-signed.json",
		"testdata/vc-di-eddsa/eddsa-jcs-2022/signedJCS.json", "testdata/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json",
		"testdata/vc-di-eddsa/proof-set-chain/signedProofSet2.json", "testdata/vc-di-eddsa/proof-set-chain/signedProofChain2.json"} {
		b, err := os.ReadFile(fn)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	priv, _ := ob3Key(f)
	pub := priv.Public().(ed25519.PublicKey)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var doc map[string]any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		_, _ = ProofOf(doc)
		_ = Verify(doc, pub)
		ps, err := ProofsOf(doc)
		if err != nil {
			return
		}
		if len(ps) == 0 || len(ps) > MaxProofs {
			t.Fatalf("ProofsOf returned %d proofs without an error", len(ps))
		}
		for _, p := range ps {
			_ = VerifyProof(doc, p, pub)
		}
	})
}
