package status_test

import (
	"testing"

	"github.com/pokot/pokot/credential/status"
)

func FuzzDecode(f *testing.F) {
	l, _ := status.New(0)
	l.Set(3, true)
	enc, _ := l.Encode()
	f.Add(enc)
	f.Add("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA")
	f.Add("u")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := status.Decode(s)
		if err != nil {
			return
		}
		if l.Len() < status.MinSize || l.Len() > status.MaxSize || l.Len()%8 != 0 {
			t.Fatalf("decoded list of %d entries", l.Len())
		}
		// A decoded list encodes and decodes to the same bits.
		again, err := l.Encode()
		if err != nil {
			t.Fatal(err)
		}
		back, err := status.Decode(again)
		if err != nil || string(back.Bytes()) != string(l.Bytes()) {
			t.Fatalf("re-encode round trip: %v", err)
		}
	})
}
