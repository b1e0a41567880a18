package key

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"fmt"
	"math/big"
)

// prefixP256Pub is the multicodec varint of a compressed P-256 public key (0x1200).
var prefixP256Pub = []byte{0x80, 0x24}

// DecodeMultikey decodes a Multikey public key: Ed25519 ("z6Mk…") or compressed P-256
// ("zDn…").
func DecodeMultikey(s string) (crypto.PublicKey, error) {
	if !bytes.HasPrefix([]byte(s), []byte("z")) {
		return nil, fmt.Errorf("%w: a Multikey starts with 'z' (base58btc)", ErrInvalidKey)
	}
	raw, err := base58Decode(s[1:])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidKey, err)
	}
	switch {
	case bytes.HasPrefix(raw, prefixEd25519Pub):
		return DecodePublic(s)
	case bytes.HasPrefix(raw, prefixP256Pub):
		return decompressP256(raw[len(prefixP256Pub):])
	default:
		return nil, fmt.Errorf("%w: Multikey is neither Ed25519 nor P-256", ErrUnsupportedKey)
	}
}

// EncodeMultikey encodes an Ed25519 or P-256 public key as a Multikey.
func EncodeMultikey(pub crypto.PublicKey) (string, error) {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return EncodePublic(k), nil
	case *ecdsa.PublicKey:
		if k.Curve != elliptic.P256() {
			return "", fmt.Errorf("%w: only P-256 EC keys", ErrUnsupportedKey)
		}
		b, err := k.Bytes() // 0x04 || x || y
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrInvalidKey, err)
		}
		c := append(append([]byte{}, prefixP256Pub...), 0x02|b[64]&1)
		c = append(c, b[1:33]...)
		return "z" + base58Encode(c), nil
	default:
		return "", fmt.Errorf("%w: %T", ErrUnsupportedKey, pub)
	}
}

// decompressP256 decodes a SEC 1 compressed P-256 point: y² = x³ − 3x + b (mod p).
func decompressP256(c []byte) (*ecdsa.PublicKey, error) {
	if len(c) != 33 || (c[0] != 2 && c[0] != 3) {
		return nil, fmt.Errorf("%w: a compressed P-256 key is 33 bytes starting with 2 or 3", ErrInvalidKey)
	}
	params := elliptic.P256().Params()
	p := params.P
	x := new(big.Int).SetBytes(c[1:])
	if x.Cmp(p) >= 0 {
		return nil, fmt.Errorf("%w: P-256 x coordinate out of range", ErrInvalidKey)
	}
	y2 := new(big.Int).Exp(x, big.NewInt(3), p)
	y2.Sub(y2, new(big.Int).Mul(x, big.NewInt(3)))
	y2.Add(y2, params.B)
	y2.Mod(y2, p)
	y := new(big.Int).ModSqrt(y2, p)
	if y == nil {
		return nil, fmt.Errorf("%w: not a point on P-256", ErrInvalidKey)
	}
	if y.Bit(0) != uint(c[0]&1) {
		y.Sub(p, y)
	}
	u := make([]byte, 65)
	u[0] = 4
	x.FillBytes(u[1:33])
	y.FillBytes(u[33:])
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), u)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidKey, err)
	}
	return pub, nil
}
