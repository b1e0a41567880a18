package vcjwt

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/key"
)

// rawToken builds a Token straight from a compact JWS, skipping the credential-specific
// header and payload rules, to check the signature algorithms against the RFC examples.
func rawToken(t *testing.T, alg, jws string) *Token {
	t.Helper()
	parts := strings.Split(jws, ".")
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		t.Fatal(err)
	}
	return &Token{Header: Header{Alg: alg}, signingInput: []byte(parts[0] + "." + parts[1]), signature: sig}
}

// RFC 8037 Appendix A.4/A.5: Ed25519 signing of "Example of Ed25519 signing".
func TestRFC8037EdDSA(t *testing.T) {
	const (
		d   = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
		x   = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
		jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
	)
	seed, _ := base64.RawURLEncoding.DecodeString(d)
	priv := ed25519.NewKeyFromSeed(seed)
	pub, err := key.ParseJWK(map[string]any{"kty": "OKP", "crv": "Ed25519", "x": x})
	if err != nil {
		t.Fatal(err)
	}
	if !priv.Public().(ed25519.PublicKey).Equal(pub) {
		t.Fatal("the RFC key pair does not match")
	}
	tok := rawToken(t, "EdDSA", jws)
	if err := tok.VerifySignature(pub); err != nil {
		t.Fatal(err)
	}
	// Ed25519 is deterministic: the signature is reproduced byte for byte.
	if got := base64.RawURLEncoding.EncodeToString(ed25519.Sign(priv, tok.signingInput)); got != strings.Split(jws, ".")[2] {
		t.Fatalf("signature %s differs from RFC 8037", got)
	}
	tok.signingInput[len(tok.signingInput)-1] ^= 1
	if err := tok.VerifySignature(pub); !errors.Is(err, ErrSignature) {
		t.Fatalf("changed input: %v", err)
	}
}

// RFC 7515 Appendix A.3: an ES256 JWS with its P-256 key.
func TestRFC7515ES256(t *testing.T) {
	pub, err := key.ParseJWK(map[string]any{
		"kty": "EC", "crv": "P-256",
		"x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
		"y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
	})
	if err != nil {
		t.Fatal(err)
	}
	const jws = "eyJhbGciOiJFUzI1NiJ9" +
		".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ" +
		".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
	tok := rawToken(t, "ES256", jws)
	if err := tok.VerifySignature(pub); err != nil {
		t.Fatal(err)
	}
	tok.signature[5] ^= 1
	if err := tok.VerifySignature(pub); !errors.Is(err, ErrSignature) {
		t.Fatalf("changed signature: %v", err)
	}
}
