package dataintegrity

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// decodeMultikeyPublic decodes a Multikey Ed25519 public key (0xed01 + 32 bytes).
func decodeMultikeyPublic(t testing.TB, s string) ed25519.PublicKey {
	t.Helper()
	b, err := multibaseDecode(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 34 || b[0] != 0xed || b[1] != 0x01 {
		t.Fatalf("not an Ed25519 Multikey public key: %x", b)
	}
	return ed25519.PublicKey(b[2:])
}

// decodeMultikeySecret decodes a Multikey Ed25519 secret key: 0x8026 and a
// 32-byte seed, or a 64-byte seed plus public key as some publishers write it.
func decodeMultikeySecret(t testing.TB, s string) ed25519.PrivateKey {
	t.Helper()
	b, err := multibaseDecode(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x80 || b[1] != 0x26 {
		t.Fatalf("not an Ed25519 Multikey secret key: %x", b)
	}
	switch len(b) - 2 {
	case 32:
		return ed25519.NewKeyFromSeed(b[2:])
	case 64:
		k := ed25519.NewKeyFromSeed(b[2:34])
		if !bytes.Equal(k[32:], b[34:]) {
			t.Fatal("secret key's public half does not match its seed")
		}
		return k
	}
	t.Fatalf("secret key body has %d bytes", len(b)-2)
	return nil
}

func readJSON(t testing.TB, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func readText(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readTrim(t testing.TB, path string) string { return strings.TrimSpace(readText(t, path)) }

// deepCopy copies a decoded JSON value so tests can tamper with it.
func deepCopy(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}
