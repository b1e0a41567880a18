package rdfc_test

import (
	"testing"

	"github.com/pokot/pokot/credential/rdfc"
)

func benchCanon(b *testing.B, file string) {
	qs, err := rdfc.ParseNQuads(readTestFile(b, file))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rdfc.Canonicalize(qs, rdfc.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCanonicalizeCircle: two blank nodes in a circle (test021), which
// first-degree hashes cannot tell apart.
func BenchmarkCanonicalizeCircle(b *testing.B) { benchCanon(b, "rdfc10/test021-in.nq") }

// BenchmarkCanonicalizeHard: test044, the suite's most expensive eval test
// (needs thousands of Hash N-Degree Quads steps).
func BenchmarkCanonicalizeHard(b *testing.B) { benchCanon(b, "rdfc10/test044-in.nq") }

// BenchmarkPoisonRefused: how long refusing the poison graph (test074) takes.
func BenchmarkPoisonRefused(b *testing.B) {
	qs, err := rdfc.ParseNQuads(readTestFile(b, "rdfc10/test074-in.nq"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rdfc.Canonicalize(qs, rdfc.Options{}); err == nil {
			b.Fatal("poison accepted")
		}
	}
}

// BenchmarkCycleRefused: how long refusing a 2,000-node blank node cycle takes.
func BenchmarkCycleRefused(b *testing.B) {
	qs := cycle(2000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rdfc.Canonicalize(qs, rdfc.Options{}); err == nil {
			b.Fatal("accepted")
		}
	}
}
