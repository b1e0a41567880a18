package dataintegrity

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// TestBase58 uses the base58btc examples of the multibase draft
// (draft-multiformats-multibase) and Bitcoin's leading-zero rule.
func TestBase58(t *testing.T) {
	for _, c := range []struct{ hex, b58 string }{
		{"", ""},
		{"00", "1"},
		{"0000", "11"},
		{"61", "2g"},
		{"626262", "a3gV"},
		{"636363", "aPEr"},
		{"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
		{"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
		{"48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U"},
	} {
		raw, _ := hex.DecodeString(c.hex)
		if got := base58Encode(raw); got != c.b58 {
			t.Errorf("encode %s = %s, want %s", c.hex, got, c.b58)
		}
		dec, err := base58Decode(c.b58)
		if err != nil || !bytes.Equal(dec, raw) {
			t.Errorf("decode %s = %x, %v", c.b58, dec, err)
		}
	}
	for _, bad := range []string{"0", "O", "I", "l", "abc+"} {
		if _, err := base58Decode(bad); err == nil {
			t.Errorf("decoded invalid %q", bad)
		}
	}
	if _, err := multibaseDecode("f00"); err == nil {
		t.Error("non-base58btc multibase accepted")
	}
}
