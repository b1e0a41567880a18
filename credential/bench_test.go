package credential_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/jsonld"
)

// typicalBadge is the 1EdTech implementation guide's OB 3.0 credential
// (basic Teamwork badge, 21 triples) with its issuer id removed, so that
// signing gives it the key's did:key.
func typicalBadge(t testing.TB) map[string]any {
	doc := readJSON(t, "testdata/ob3/ob3-ldp-unsigned.json")
	delete(doc["issuer"].(map[string]any), "id")
	return doc
}

func BenchmarkSign(b *testing.B) {
	kp := mustKey(b, w3cSeed)
	doc := typicalBadge(b)
	created := time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := credential.Sign(doc, kp, credential.SignOptions{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "creds/s")
}

func benchVerify(b *testing.B, doc map[string]any) {
	kp := mustKey(b, w3cSeed)
	signed, err := credential.Sign(doc, kp, credential.SignOptions{Created: time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	data, _ := json.Marshal(signed)
	v := &credential.Verifier{Now: func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) }}
	ctx := context.Background()
	for b.Loop() {
		if r := v.Verify(ctx, "bench", data); !r.Verified {
			b.Fatalf("not verified: %+v", r.Failed())
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "creds/s")
	nq, _ := jsonld.Default.Canonicalize(doc)
	b.ReportMetric(float64(strings.Count(nq, "\n")), "triples")
}

// BenchmarkEd25519Verify is the floor: one bare signature verification,
// measured in the same run so that the other figures can be compared
// with it on a busy machine.
func BenchmarkEd25519Verify(b *testing.B) {
	kp := mustKey(b, w3cSeed)
	msg := make([]byte, 64)
	sig := ed25519.Sign(kp.Private, msg)
	for b.Loop() {
		if !ed25519.Verify(kp.Public, msg, sig) {
			b.Fatal("bad signature")
		}
	}
}

// BenchmarkVerify runs the full Verifier (JSON parsing, structure rules,
// JSON Schema, eddsa-rdfc-2022 proof, did:key resolution and issuer check,
// status, validity) on the typical badge.
func BenchmarkVerify(b *testing.B) { benchVerify(b, typicalBadge(b)) }

// BenchmarkVerifyMicroCredential verifies a POK credential built by Build,
// with every Annex I element (about 80 triples).
func BenchmarkVerifyMicroCredential(b *testing.B) {
	mc := sampleMicroCredential()
	mc.AwardingBody.ID = ""
	doc, err := credential.Build(mc, sampleAward())
	if err != nil {
		b.Fatal(err)
	}
	benchVerify(b, doc)
}
