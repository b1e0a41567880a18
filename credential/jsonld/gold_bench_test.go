package jsonld

import (
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/pokot/pokot/credential/rdfc"
)

// BenchmarkCanonicalizeOB3JSONGoldPath canonicalizes the OB 3.0 vector
// through the json-gold fallback (json-gold expansion and toRDF with the
// embedded contexts, then this package's RDFC-1.0), for comparison.
func BenchmarkCanonicalizeOB3JSONGoldPath(b *testing.B) {
	doc := loadJSON(b, "testdata/ob3-ldp-unsigned.json")
	p := New()
	b.ReportAllocs()
	for b.Loop() {
		q, err := p.goldToRDF(doc)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rdfc.CanonicalNQuads(q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCanonicalizeOB3JSONGoldNormalize is json-gold alone:
// Normalize with URDNA2015 and a loader serving the embedded contexts.
func BenchmarkCanonicalizeOB3JSONGoldNormalize(b *testing.B) {
	doc := loadJSON(b, "testdata/ob3-ldp-unsigned.json")
	p := New()
	proc := ld.NewJsonLdProcessor()
	b.ReportAllocs()
	for b.Loop() {
		opts := ld.NewJsonLdOptions("")
		opts.DocumentLoader = &goldLoader{p: p}
		opts.Algorithm = ld.AlgorithmURDNA2015
		opts.Format = "application/n-quads"
		if _, err := proc.Normalize(doc, opts); err != nil {
			b.Fatal(err)
		}
	}
}
