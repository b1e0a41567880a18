package jsonld

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzCanonicalize feeds arbitrary JSON to the processor with small limits:
// it must return canonical N-Quads or an error, never panic or run away.
func FuzzCanonicalize(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	more, _ := filepath.Glob("testdata/crosscheck/*.json")
	for _, fn := range append(files, more...) {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(b)
		}
	}
	for _, d := range edgeDocs {
		f.Add([]byte(d))
	}
	p := New(WithLimits(Limits{MaxValues: 2000, MaxDepth: 32, MaxStringBytes: 1 << 16, MaxBlankNodes: 64, MaxQuads: 2000, MaxWork: 2000}))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		var doc map[string]any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		out, err := p.Canonicalize(doc)
		if err != nil {
			return
		}
		// Canonicalizing again gives the same result (caches are sound).
		again, err := p.Canonicalize(doc)
		if err != nil || again != out {
			t.Fatalf("second run differs: %v", err)
		}
	})
}
