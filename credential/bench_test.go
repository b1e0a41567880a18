package credential_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"syscall"
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

// cpuTime returns the CPU time (user + system) the process has used. On a
// machine shared with other work, CPU time per operation is a steadier
// measure than wall-clock ns/op, which also counts time spent waiting for
// a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the process CPU time per operation since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

func BenchmarkSign(b *testing.B) {
	kp := mustKey(b, w3cSeed)
	doc := typicalBadge(b)
	created := time.Date(2026, 1, 28, 14, 0, 0, 0, time.UTC)
	start := cpuTime()
	for b.Loop() {
		if _, err := credential.Sign(doc, kp, credential.SignOptions{Created: created}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
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
	start := cpuTime()
	for b.Loop() {
		if r := v.Verify(ctx, "bench", data); !r.Verified {
			b.Fatalf("not verified: %+v", r.Failed())
		}
	}
	reportCPU(b, start)
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
	start := cpuTime()
	for b.Loop() {
		if !ed25519.Verify(kp.Public, msg, sig) {
			b.Fatal("bad signature")
		}
	}
	reportCPU(b, start)
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
