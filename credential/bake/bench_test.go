package bake_test

import (
	"testing"

	"github.com/pokot/pokot/credential/bake"
)

func BenchmarkExtractPNG(b *testing.B) {
	baked, _ := bake.PNG(testPNG(b), []byte(jsonCred))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bake.ExtractPNG(baked); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractSVG(b *testing.B) {
	baked, _ := bake.SVG([]byte(svgImage), []byte(jsonCred))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bake.ExtractSVG(baked); err != nil {
			b.Fatal(err)
		}
	}
}
