package bake_test

import (
	"bytes"
	"testing"

	"github.com/pokot/pokot/credential/bake"
)

func FuzzExtractPNG(f *testing.F) {
	plain := testPNG(f)
	baked, _ := bake.PNG(plain, []byte(jwt))
	f.Add(plain)
	f.Add(baked)
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := bake.ExtractPNG(data)
		if err == nil && len(got) == 0 {
			t.Fatal("empty credential without error")
		}
		if err == nil {
			// Whatever was extracted bakes again and extracts the same.
			again, err := bake.PNG(data, got)
			if err != nil {
				return
			}
			if back, err := bake.ExtractPNG(again); err != nil || !bytes.Equal(back, got) {
				t.Fatalf("re-bake round trip: %q, %v", back, err)
			}
		}
	})
}

func FuzzExtractSVG(f *testing.F) {
	f.Add([]byte(svgImage))
	b1, _ := bake.SVG([]byte(svgImage), []byte(jsonCred))
	b2, _ := bake.SVG([]byte(svgImage), []byte(jwt))
	f.Add(b1)
	f.Add(b2)
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := bake.ExtractSVG(data)
		if err == nil && len(got) == 0 {
			t.Fatal("empty credential without error")
		}
		// Baking any SVG that parses must give a document from which the credential
		// comes back unchanged.
		baked, err := bake.SVG(data, []byte(jsonCred))
		if err != nil {
			return
		}
		back, err := bake.ExtractSVG(baked)
		if err != nil || string(back) != jsonCred {
			t.Fatalf("bake then extract: %q, %v\ninput: %q\nbaked: %q", back, err, data, baked)
		}
	})
}
