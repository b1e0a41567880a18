package status

import (
	"errors"
	"testing"
)

// Lists of 100,000 entries from the tests of Digital Bazaar's JavaScript libraries
// (BSD-3-Clause; see testdata/README.md). They are below the 131,072-entry minimum, so
// Decode refuses them; decoding without the minimum checks the bit order against an
// independent implementation.
const (
	// @digitalbazaar/vc-bitstring-status-list: entry 50,000 set, MSB-first as the
	// Recommendation requires.
	dbBitstring50000 = "uH4sIAAAAAAAAA-3OMQ0AAAgDsElHOh72EJJWQRMAAAAAAIDWXAcAAAAAAIDHFvRitn7UMAAA"
	// The older StatusList2021 / RevocationList2020 libraries wrote the same "50,000th"
	// entry least-significant-bit first; read MSB-first it is entry 50,007.
	dbLegacy50000 = "H4sIAAAAAAAAA-3OMQ0AAAgDsOHfNB72EJJWQRMAAAAAAIDWXAcAAAAAAIDHFrc4zDzUMAAA"
)

func setBits(t *testing.T, l *List) []int {
	t.Helper()
	var out []int
	for i := 0; i < l.Len(); i++ {
		if b, _ := l.Get(i); b {
			out = append(out, i)
		}
	}
	return out
}

func TestInteropBitOrder(t *testing.T) {
	if _, err := Decode(dbBitstring50000); !errors.Is(err, ErrListTooShort) {
		t.Fatalf("Decode of a 100,000-entry list: err = %v, want ErrListTooShort", err)
	}
	for enc, want := range map[string]int{dbBitstring50000: 50000, dbLegacy50000: 50007} {
		l, err := decode(enc, 0)
		if err != nil {
			t.Fatal(err)
		}
		if l.Len() != 100000 {
			t.Fatalf("Len = %d", l.Len())
		}
		if got := setBits(t, l); len(got) != 1 || got[0] != want {
			t.Fatalf("set entries %v, want [%d]", got, want)
		}
	}
}
