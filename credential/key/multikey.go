// Package key handles the keys of the credentials engine: Ed25519 key pairs encoded as
// Multikey, did:key identifiers, key files, controller documents for did:web and HTTPS
// issuers, and the resolution of a verification method id to a public key over a guarded
// network client.
package key

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Multicodec varint prefixes of the Multikey encodings.
var (
	prefixEd25519Pub  = []byte{0xed, 0x01}
	prefixEd25519Priv = []byte{0x80, 0x26}
)

// Errors returned when decoding keys; compare with errors.Is.
var (
	ErrInvalidKey     = errors.New("invalid key")
	ErrUnsupportedKey = errors.New("unsupported key type")
)

// KeyPair is an Ed25519 key pair.
type KeyPair struct {
	Public  ed25519.PublicKey
	Private ed25519.PrivateKey
}

// Generate returns a new random Ed25519 key pair.
func Generate() (*KeyPair, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate Ed25519 key: %w", err)
	}
	return &KeyPair{Public: pub, Private: priv}, nil
}

// FromSeed derives the key pair of a 32-byte Ed25519 seed.
func FromSeed(seed []byte) (*KeyPair, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%w: an Ed25519 seed is %d bytes, got %d", ErrInvalidKey, ed25519.SeedSize, len(seed))
	}
	priv := ed25519.NewKeyFromSeed(seed)
	return &KeyPair{Public: priv.Public().(ed25519.PublicKey), Private: priv}, nil
}

// ParseSeedHex derives the key pair of a seed written as 64 hexadecimal digits.
func ParseSeedHex(s string) (*KeyPair, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("%w: the seed is not hexadecimal", ErrInvalidKey)
	}
	return FromSeed(b)
}

// Seed returns the 32-byte seed of the pair.
func (k *KeyPair) Seed() []byte { return k.Private.Seed() }

// DID returns the did:key identifier of the pair.
func (k *KeyPair) DID() string { return DIDKey(k.Public) }

// VerificationMethodID returns the did:key verification method id of the pair.
func (k *KeyPair) VerificationMethodID() string { return VerificationMethodID(k.Public) }

// EncodePublic returns the Multikey encoding of an Ed25519 public key ("z6Mk…").
func EncodePublic(pub ed25519.PublicKey) string {
	return "z" + base58Encode(append(append([]byte{}, prefixEd25519Pub...), pub...))
}

// DecodePublic decodes a Multikey Ed25519 public key ("z6Mk…").
func DecodePublic(s string) (ed25519.PublicKey, error) {
	body, err := decodeMultibase(s, prefixEd25519Pub)
	if err != nil {
		return nil, err
	}
	if len(body) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: an Ed25519 public key is %d bytes, got %d", ErrInvalidKey, ed25519.PublicKeySize, len(body))
	}
	return ed25519.PublicKey(body), nil
}

// EncodeSecret returns the Multikey encoding of an Ed25519 private key: the 0x8026
// prefix and the 32-byte seed.
func EncodeSecret(priv ed25519.PrivateKey) string {
	return "z" + base58Encode(append(append([]byte{}, prefixEd25519Priv...), priv.Seed()...))
}

// DecodeSecret decodes a Multikey Ed25519 private key whose body is the 32-byte seed or
// the 64-byte seed followed by the public key; in the latter case the public half must
// belong to the seed.
func DecodeSecret(s string) (ed25519.PrivateKey, error) {
	body, err := decodeMultibase(s, prefixEd25519Priv)
	if err != nil {
		return nil, err
	}
	switch len(body) {
	case ed25519.SeedSize:
		return ed25519.NewKeyFromSeed(body), nil
	case ed25519.PrivateKeySize:
		priv := ed25519.NewKeyFromSeed(body[:ed25519.SeedSize])
		if !bytes.Equal(priv[ed25519.SeedSize:], body[ed25519.SeedSize:]) {
			return nil, fmt.Errorf("%w: the public half of the secret key does not match its seed", ErrInvalidKey)
		}
		return priv, nil
	default:
		return nil, fmt.Errorf("%w: an Ed25519 secret key is 32 or 64 bytes, got %d", ErrInvalidKey, len(body))
	}
}

func decodeMultibase(s string, prefix []byte) ([]byte, error) {
	if !strings.HasPrefix(s, "z") {
		return nil, fmt.Errorf("%w: a Multikey starts with 'z' (base58btc)", ErrInvalidKey)
	}
	raw, err := base58Decode(s[1:])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidKey, err)
	}
	if !bytes.HasPrefix(raw, prefix) {
		return nil, fmt.Errorf("%w: the Multikey is not an Ed25519 key of the expected kind", ErrUnsupportedKey)
	}
	return raw[len(prefix):], nil
}

// DIDKey returns the did:key identifier of an Ed25519 public key ("did:key:z6Mk…").
func DIDKey(pub ed25519.PublicKey) string { return "did:key:" + EncodePublic(pub) }

// VerificationMethodID returns the did:key verification method id of an Ed25519 public
// key ("did:key:z6Mk…#z6Mk…").
func VerificationMethodID(pub ed25519.PublicKey) string {
	mk := EncodePublic(pub)
	return "did:key:" + mk + "#" + mk
}

// ParseDIDKey returns the Ed25519 public key of a did:key identifier or did:key
// verification method id. A fragment, if any, must equal the key itself: a key is never
// trusted only because it is written into a fragment.
func ParseDIDKey(id string) (ed25519.PublicKey, error) {
	rest, ok := strings.CutPrefix(id, "did:key:")
	if !ok {
		return nil, fmt.Errorf("%w: not a did:key identifier", ErrInvalidKey)
	}
	mk, frag, hasFrag := strings.Cut(rest, "#")
	if hasFrag && frag != mk {
		return nil, fmt.Errorf("%w: the fragment of a did:key verification method must equal the key", ErrFragmentMismatch)
	}
	if strings.ContainsAny(mk, ":/?") {
		return nil, fmt.Errorf("%w: malformed did:key identifier", ErrInvalidKey)
	}
	return DecodePublic(mk)
}
