package rdfc_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pokot/pokot/credential/rdfc"
)

// FuzzCanonicalize parses arbitrary N-Quads and canonicalizes what parses,
// with a small work bound; the canonical output must parse back to a
// dataset that canonicalizes to itself.
func FuzzCanonicalize(f *testing.F) {
	files, _ := filepath.Glob("testdata/rdf-canon/rdfc10/test0[0-6]*-in.nq")
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			return
		}
		qs, err := rdfc.ParseNQuads(src)
		if err != nil {
			return
		}
		res, err := rdfc.Canonicalize(qs, rdfc.Options{MaxWork: 2000})
		if err != nil {
			return
		}
		out := res.NQuads()
		again, err := rdfc.ParseNQuads(out)
		if err != nil {
			t.Fatalf("canonical output does not parse: %v\n%s", err, out)
		}
		res2, err := rdfc.Canonicalize(again, rdfc.Options{MaxWork: 2000})
		if err != nil {
			t.Fatalf("canonical output does not canonicalize: %v", err)
		}
		if res2.NQuads() != out {
			t.Fatalf("not idempotent:\n%s\n---\n%s", out, res2.NQuads())
		}
	})
}
