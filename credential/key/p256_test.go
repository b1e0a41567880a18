package key_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/key"
)

func TestP256Multikey(t *testing.T) {
	for i := 0; i < 20; i++ { // both parities of y
		priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		mk, err := key.EncodeMultikey(&priv.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(mk, "zDn") {
			t.Fatalf("P-256 Multikey %s does not start with zDn", mk)
		}
		pub, err := key.DecodeMultikey(mk)
		if err != nil {
			t.Fatal(err)
		}
		if !priv.PublicKey.Equal(pub) {
			t.Fatal("P-256 Multikey round trip changed the key")
		}
	}
	ed, _ := key.Generate()
	if pub, err := key.DecodeMultikey(key.EncodePublic(ed.Public)); err != nil || !ed.Public.Equal(pub) {
		t.Fatalf("Ed25519 through DecodeMultikey: %v", err)
	}
	// About half of all x values are not on the curve: one of the first few must be refused.
	refused := false
	for x := byte(1); x < 40 && !refused; x++ {
		body := append([]byte{0x80, 0x24, 0x02}, make([]byte, 32)...)
		body[len(body)-1] = x
		_, err := key.DecodeMultikey("z" + key.Base58Encode(body))
		refused = errors.Is(err, key.ErrInvalidKey)
	}
	if !refused {
		t.Fatal("no off-curve x coordinate was refused")
	}
	if _, err := key.DecodeMultikey("z" + key.Base58Encode([]byte{0x12, 0x34, 1})); !errors.Is(err, key.ErrUnsupportedKey) {
		t.Fatalf("unknown multicodec: %v", err)
	}
}

// Published did:key P-256 test vectors (w3c-ccg/did-method-key; the same pairs appear in
// Transmute's did-key.js and ssi's JWK tests): Multikey and the JWK coordinates.
func TestP256MultikeyVectors(t *testing.T) {
	for mk, xy := range map[string][2]string{
		"zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169": {"fyNYMN0976ci7xqiSdag3buk-ZCwgXU4kz9XNkBlNUI", "hW2ojTNfH7Jbi8--CJUo3OCbH3y5n91g-IMA9MLMbTU"},
		"zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv": {"igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns", "efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM"},
	} {
		pub, err := key.DecodeMultikey(mk)
		if err != nil {
			t.Fatalf("%s: %v", mk, err)
		}
		j, err := key.PublicJWK(pub)
		if err != nil {
			t.Fatal(err)
		}
		if j.Kty != "EC" || j.Crv != "P-256" || j.X != xy[0] || j.Y != xy[1] {
			t.Fatalf("%s → %+v, want x=%s y=%s", mk, j, xy[0], xy[1])
		}
		if again, _ := key.EncodeMultikey(pub); again != mk {
			t.Fatalf("re-encoded as %s", again)
		}
	}
}
