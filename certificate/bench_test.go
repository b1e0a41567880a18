package certificate_test

import (
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/certificate"
)

// BenchmarkPDF makes the certificate of a credential with every Annex I element.
func BenchmarkPDF(b *testing.B) {
	doc := build(b, "Åsa Öberg")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certificate.PDF(doc, pokot.Finnish, verifyURL); err != nil {
			b.Fatal(err)
		}
	}
}
