package jsonld_test

import (
	"testing"

	"github.com/pokot/pokot/credential/jsonld"
)

// BenchmarkCanonicalizeOB3 canonicalizes the OB 3.0 implementation-guide
// credential (19 quads).
func BenchmarkCanonicalizeOB3(b *testing.B) {
	doc := readJSON(b, "testdata/ob3-ldp-unsigned.json")
	loopWithCPU(b, func() {
		if _, err := jsonld.Default.Canonicalize(doc); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkCanonicalizeOB3Proof canonicalizes the proof configuration
// (with the credential's @context) of the same vector.
func BenchmarkCanonicalizeOB3Proof(b *testing.B) {
	doc := readJSON(b, "testdata/ob3-ldp-signed.json")
	proof := doc["proof"].(map[string]any)
	cfg := map[string]any{"@context": doc["@context"]}
	for k, v := range proof {
		if k != "proofValue" {
			cfg[k] = v
		}
	}
	loopWithCPU(b, func() {
		if _, err := jsonld.Default.Canonicalize(cfg); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkToRDFOB3 measures JSON-LD expansion and conversion to RDF alone.
func BenchmarkToRDFOB3(b *testing.B) {
	doc := readJSON(b, "testdata/ob3-ldp-unsigned.json")
	loopWithCPU(b, func() {
		if _, err := jsonld.Default.ToRDF(doc); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkCanonicalizeFullOB3 canonicalizes the specification's full Open
// Badges 3.0 example (every optional field; about 80 quads).
func BenchmarkCanonicalizeFullOB3(b *testing.B) {
	doc := readJSON(b, "testdata/crosscheck/ob3-spec-fullOpenBadge.json")
	delete(doc, "proof")
	loopWithCPU(b, func() {
		if _, err := jsonld.Default.Canonicalize(doc); err != nil {
			b.Fatal(err)
		}
	})
}
