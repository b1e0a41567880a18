package status_test

import (
	"testing"

	"github.com/pokot/pokot/credential/status"
)

func BenchmarkDecode(b *testing.B) {
	l, _ := status.New(0)
	for i := 0; i < 1000; i++ {
		l.Set(i*131, true)
	}
	enc, _ := l.Encode()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := status.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckDecoded(b *testing.B) {
	l, _ := status.New(0)
	lc := &status.ListCredential{ID: "https://x.example/s/1", Purposes: []string{"revocation"}, List: l}
	e, _ := status.NewEntry("https://x.example/s/1", "revocation", 94567)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lc.Check(e); err != nil {
			b.Fatal(err)
		}
	}
}
