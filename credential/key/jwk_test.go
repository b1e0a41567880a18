package key_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"testing"

	"github.com/pokot/pokot/credential/key"
)

func TestJWKRoundTrip(t *testing.T) {
	ed, _ := key.Generate()
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	for name, pub := range map[string]interface {
		Equal(crypto.PublicKey) bool
	}{
		"Ed25519": ed.Public, "P-256": &ec.PublicKey, "RSA": &rk.PublicKey,
	} {
		j, err := key.PublicJWK(pub)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(j)
		got, err := key.ParseJWK(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !pub.Equal(got) {
			t.Fatalf("%s: the key changed in the round trip", name)
		}
	}
}

func TestJWKRejects(t *testing.T) {
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	smallJWK, _ := key.PublicJWK(&small.PublicKey)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecJWK, _ := key.PublicJWK(&ec.PublicKey)
	offCurve := ecJWK
	offCurve.Y = ecJWK.X
	ed, _ := key.Generate()
	edJWK, _ := key.PublicJWK(ed.Public)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)

	cases := map[string]any{
		"RSA 1024":      smallJWK,
		"EC off curve":  offCurve,
		"EC P-384":      map[string]any{"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"},
		"private OKP":   map[string]any{"kty": "OKP", "crv": "Ed25519", "x": edJWK.X, "d": edJWK.X},
		"private RSA":   map[string]any{"kty": "RSA", "n": smallJWK.N, "e": "AQAB", "p": "AQAB"},
		"symmetric":     map[string]any{"kty": "oct", "k": "c2VjcmV0"},
		"X25519":        map[string]any{"kty": "OKP", "crv": "X25519", "x": edJWK.X},
		"short x":       map[string]any{"kty": "OKP", "crv": "Ed25519", "x": "AAAA"},
		"padded x":      map[string]any{"kty": "OKP", "crv": "Ed25519", "x": edJWK.X + "="},
		"even exponent": map[string]any{"kty": "RSA", "n": smallJWK.N, "e": "Ag"},
		"not an object": []byte(`"x"`),
		"not JSON":      []byte(`{`),
	}
	for name, v := range cases {
		if _, err := key.ParseJWK(v); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := key.PublicJWK(&p384.PublicKey); !errors.Is(err, key.ErrUnsupportedKey) {
		t.Errorf("P-384 PublicJWK: %v", err)
	}
}
