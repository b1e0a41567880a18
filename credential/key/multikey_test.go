package key_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pokot/pokot/credential/key"
)

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

// The 1EdTech test key publishes a 64-byte secret (seed||public).
func TestOneEdTechKeyVector(t *testing.T) {
	var v struct {
		PublicKeyHex       string `json:"publicKeyHex"`
		PrivateKeyHex      string `json:"privateKeyHex_seed_plus_pub"`
		PublicKeyMultibase string `json:"publicKeyMultibase"`
		SecretKeyMultibase string `json:"secretKeyMultibase_as_published"`
	}
	readJSON(t, "testdata/1edtech-test-key.json", &v)
	pub, err := key.DecodePublic(v.PublicKeyMultibase)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(pub) != v.PublicKeyHex {
		t.Fatalf("public key %x, want %s", pub, v.PublicKeyHex)
	}
	if got := key.EncodePublic(pub); got != v.PublicKeyMultibase {
		t.Fatalf("EncodePublic = %s, want %s", got, v.PublicKeyMultibase)
	}
	priv, err := key.DecodeSecret(v.SecretKeyMultibase)
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(priv) != v.PrivateKeyHex {
		t.Fatalf("private key %x, want %s", priv, v.PrivateKeyHex)
	}
	kp, err := key.ParseSeedHex(v.PrivateKeyHex[:64])
	if err != nil {
		t.Fatal(err)
	}
	if !kp.Public.Equal(pub) {
		t.Fatal("seed does not derive the published public key")
	}
	// Re-encoding gives the 32-byte form, which decodes to the same key.
	again, err := key.DecodeSecret(key.EncodeSecret(priv))
	if err != nil || !bytes.Equal(again, priv) {
		t.Fatalf("secret round trip: %v", err)
	}
}

// The W3C vc-di-eddsa key publishes a 32-byte seed.
func TestW3CKeyVector(t *testing.T) {
	var v struct {
		Pub  string `json:"publicKeyMultibase"`
		Priv string `json:"privateKeyMultibase"`
	}
	readJSON(t, "testdata/vc-di-eddsa-keyPair.json", &v)
	priv, err := key.DecodeSecret(v.Priv)
	if err != nil {
		t.Fatal(err)
	}
	if got := key.EncodePublic(priv.Public().(ed25519.PublicKey)); got != v.Pub {
		t.Fatalf("derived public %s, want %s", got, v.Pub)
	}
	if got := key.EncodeSecret(priv); got != v.Priv {
		t.Fatalf("EncodeSecret = %s, want %s", got, v.Priv)
	}
}

func TestDecodeSecretRejectsInconsistent64(t *testing.T) {
	a, _ := key.FromSeed(bytes.Repeat([]byte{1}, 32))
	b, _ := key.FromSeed(bytes.Repeat([]byte{2}, 32))
	body := append([]byte{0x80, 0x26}, a.Private.Seed()...)
	body = append(body, b.Public...)
	_, err := key.DecodeSecret("z" + key.Base58Encode(body))
	if !errors.Is(err, key.ErrInvalidKey) {
		t.Fatalf("err = %v, want ErrInvalidKey", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	kp, _ := key.FromSeed(bytes.Repeat([]byte{7}, 32))
	mk := key.EncodePublic(kp.Public)
	for name, s := range map[string]string{
		"empty":         "",
		"no z":          mk[1:],
		"bad char":      "z6Mk0OIl",
		"secret as pub": key.EncodeSecret(kp.Private),
		"short":         "z" + key.Base58Encode([]byte{0xed, 0x01, 1, 2, 3}),
		"huge":          "z" + strings.Repeat("2", 5000),
	} {
		if _, err := key.DecodePublic(s); err == nil {
			t.Errorf("%s: DecodePublic accepted %q", name, s)
		}
	}
	if _, err := key.DecodeSecret(mk); err == nil {
		t.Error("DecodeSecret accepted a public key")
	}
	if _, err := key.ParseSeedHex("abcd"); err == nil {
		t.Error("ParseSeedHex accepted a short seed")
	}
	if _, err := key.ParseSeedHex(strings.Repeat("zz", 32)); err == nil {
		t.Error("ParseSeedHex accepted non-hex")
	}
}

func TestBase58RoundTrip(t *testing.T) {
	for _, b := range [][]byte{{}, {0}, {0, 0, 1}, {255, 254}, bytes.Repeat([]byte{0x5a}, 70)} {
		got, err := key.Base58Decode(key.Base58Encode(b))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("round trip of %x: %x, %v", b, got, err)
		}
	}
	// Known vector: "Hello World!" (from the base58 draft).
	if got := key.Base58Encode([]byte("Hello World!")); got != "2NEpo7TZRRrLZSi2U" {
		t.Errorf("Base58Encode = %s", got)
	}
}

func TestDIDKey(t *testing.T) {
	var v struct {
		Pub string `json:"publicKeyMultibase"`
	}
	readJSON(t, "testdata/vc-di-eddsa-keyPair.json", &v)
	pub, _ := key.DecodePublic(v.Pub)
	if got, want := key.DIDKey(pub), "did:key:"+v.Pub; got != want {
		t.Fatalf("DIDKey = %s", got)
	}
	vm := key.VerificationMethodID(pub)
	if vm != "did:key:"+v.Pub+"#"+v.Pub {
		t.Fatalf("VerificationMethodID = %s", vm)
	}
	got, err := key.ParseDIDKey(vm)
	if err != nil || !got.Equal(pub) {
		t.Fatalf("ParseDIDKey: %v", err)
	}
	other, _ := key.FromSeed(bytes.Repeat([]byte{9}, 32))
	_, err = key.ParseDIDKey("did:key:" + v.Pub + "#" + key.EncodePublic(other.Public))
	if !errors.Is(err, key.ErrFragmentMismatch) {
		t.Fatalf("fragment mismatch: err = %v", err)
	}
}

func TestKeyFileRoundTrip(t *testing.T) {
	kp, err := key.Generate()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "issuer.key.json")
	if err := key.WriteFile(path, kp); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", st.Mode().Perm())
	}
	if err := key.WriteFile(path, kp); err == nil {
		t.Fatal("WriteFile overwrote an existing key file")
	}
	got, err := key.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Private.Equal(kp.Private) {
		t.Fatal("key changed in the round trip")
	}
	var f key.File
	readJSON(t, path, &f)
	if f.Type != "Multikey" || f.Controller != kp.DID() || f.ID != kp.VerificationMethodID() {
		t.Fatalf("key file = %+v", f)
	}
	// A file whose public key does not belong to the secret is refused.
	other, _ := key.Generate()
	f.PublicKeyMultibase = key.EncodePublic(other.Public)
	b, _ := json.Marshal(f)
	if _, err := key.Unmarshal(b); !errors.Is(err, key.ErrInvalidKey) {
		t.Fatalf("mismatched key file: err = %v", err)
	}
}
