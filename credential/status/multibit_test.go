package status_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/status"
)

// gunzipEncoded decodes an encodedList by hand (multibase 'u', base64url, gzip), apart
// from the package's Decode, so that the bytes are checked independently.
func gunzipEncoded(t *testing.T, enc string) []byte {
	t.Helper()
	if !strings.HasPrefix(enc, "u") {
		t.Fatalf("encodedList %q lacks the multibase prefix u", enc[:min(10, len(enc))])
	}
	raw, err := base64.RawURLEncoding.DecodeString(enc[1:])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTwoBitListBytes sets two-bit values and compares the bitstring with bytes worked out
// by hand: entry i occupies bits 2i and 2i+1, the first bit the most significant of the
// value, bit 0 the high bit of byte 0.
func TestTwoBitListBytes(t *testing.T) {
	l, err := status.NewSized(0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != status.MinSize || l.StatusSize() != 2 || len(l.Bytes()) != status.MinSize*2/8 {
		t.Fatalf("Len %d, StatusSize %d, %d bytes", l.Len(), l.StatusSize(), len(l.Bytes()))
	}
	steps := []struct {
		index, value int
		byteAt       int
		want         byte
	}{
		{0, 2, 0, 0b1000_0000},          // revoked at 0: bits 0,1 = 10
		{1, 1, 0, 0b1001_0000},          // suspended at 1: bits 2,3 = 01
		{3, 3, 0, 0b1001_0011},          // 3 at 3: bits 6,7 = 11
		{4, 2, 1, 0b1000_0000},          // entry 4 starts byte 1
		{7, 1, 1, 0b1000_0001},          // entry 7 ends byte 1
		{131071, 1, 32767, 0b0000_0001}, // the last entry is the last two bits
		{0, 0, 0, 0b0001_0011},          // back to valid
		{3, 1, 0, 0b0001_0001},          // revoked-while-suspended to suspended
	}
	for _, s := range steps {
		if err := l.SetValue(s.index, s.value); err != nil {
			t.Fatal(err)
		}
		if got := l.Bytes()[s.byteAt]; got != s.want {
			t.Fatalf("after SetValue(%d, %d): byte %d = %08b, want %08b", s.index, s.value, s.byteAt, got, s.want)
		}
	}
	want := map[int]int{1: 1, 3: 1, 4: 2, 7: 1, 131071: 1}
	enc, err := l.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gunzipEncoded(t, enc), l.Bytes()) {
		t.Fatal("the encodedList does not decompress to the bitstring")
	}
	// Round trip: a decoded encodedList does not know its width; the entry's statusSize does.
	d, err := status.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.WithStatusSize(2)
	if err != nil {
		t.Fatal(err)
	}
	if v.Len() != status.MinSize {
		t.Fatalf("decoded two-bit view has %d entries", v.Len())
	}
	for i := 0; i < v.Len(); i++ {
		got, err := v.Value(i)
		if err != nil {
			t.Fatal(err)
		}
		if got != want[i] {
			t.Fatalf("entry %d = %d, want %d", i, got, want[i])
		}
	}
	// Read one bit at a time, entry 4 (value 2) is bit 8 set and bit 9 clear.
	if b8, _ := d.Get(8); !b8 {
		t.Fatal("bit 8 is clear")
	}
	if b9, _ := d.Get(9); b9 {
		t.Fatal("bit 9 is set")
	}
}

func TestTwoBitListRejects(t *testing.T) {
	l, _ := status.NewSized(0, 2)
	for _, c := range []struct{ index, value int }{{-1, 0}, {status.MinSize, 0}, {0, 4}, {0, -1}} {
		if err := l.SetValue(c.index, c.value); !errors.Is(err, status.ErrRange) {
			t.Errorf("SetValue(%d, %d): %v, want ErrRange", c.index, c.value, err)
		}
	}
	if _, err := l.Value(status.MinSize); !errors.Is(err, status.ErrRange) {
		t.Errorf("Value past the end: %v", err)
	}
	if _, err := l.Get(0); !errors.Is(err, status.ErrUnsupported) {
		t.Errorf("Get on a two-bit list: %v", err)
	}
	if err := l.Set(0, true); !errors.Is(err, status.ErrUnsupported) {
		t.Errorf("Set on a two-bit list: %v", err)
	}
	if _, err := status.NewSized(1000, 2); !errors.Is(err, status.ErrListTooShort) {
		t.Errorf("NewSized(1000, 2): %v", err)
	}
	for _, w := range []int{0, 9} {
		if _, err := status.NewSized(0, w); !errors.Is(err, status.ErrUnsupported) {
			t.Errorf("NewSized width %d: %v", w, err)
		}
		if _, err := l.WithStatusSize(w); !errors.Is(err, status.ErrUnsupported) {
			t.Errorf("WithStatusSize(%d): %v", w, err)
		}
	}
}

// TestOneBitListIsSizeOne checks that the one-bit list is the statusSize 1 case of Value.
func TestOneBitListIsSizeOne(t *testing.T) {
	l, _ := status.New(0)
	l.Set(9, true)
	if l.StatusSize() != 1 {
		t.Fatal(l.StatusSize())
	}
	for i, want := range map[int]int{8: 0, 9: 1, 10: 0} {
		if v, err := l.Value(i); err != nil || v != want {
			t.Fatalf("Value(%d) = %d, %v", i, v, err)
		}
	}
	if b := l.Bytes()[1]; b != 0b0100_0000 {
		t.Fatalf("byte 1 = %08b", b)
	}
}
