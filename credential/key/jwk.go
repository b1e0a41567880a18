package key

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
)

// MinRSABits is the smallest RSA modulus accepted.
const MinRSABits = 2048

// JWK is the public part of a JSON Web Key (RFC 7517) of the kinds the engine verifies:
// OKP Ed25519, EC P-256 and RSA.
type JWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv,omitempty"`
	X   string `json:"x,omitempty"`
	Y   string `json:"y,omitempty"`
	N   string `json:"n,omitempty"`
	E   string `json:"e,omitempty"`
	D   string `json:"d,omitempty"`
	Alg string `json:"alg,omitempty"`
	Kid string `json:"kid,omitempty"`
}

// ParseJWK decodes a public JSON Web Key given as JSON text or as a decoded JSON object.
// A key with private members ("d", or RSA "p"/"q") is refused.
func ParseJWK(v any) (crypto.PublicKey, error) {
	var raw []byte
	switch t := v.(type) {
	case []byte:
		raw = t
	case json.RawMessage:
		raw = t
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%w: JWK: %v", ErrInvalidKey, err)
		}
		raw = b
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%w: JWK is not a JSON object", ErrInvalidKey)
	}
	for _, private := range []string{"d", "p", "q", "dp", "dq", "qi", "k"} {
		if _, ok := m[private]; ok {
			return nil, fmt.Errorf("%w: JWK contains private key material (%q)", ErrInvalidKey, private)
		}
	}
	var j JWK
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, fmt.Errorf("%w: JWK: %v", ErrInvalidKey, err)
	}
	return j.PublicKey()
}

// PublicKey returns the public key of the JWK.
func (j JWK) PublicKey() (crypto.PublicKey, error) {
	if j.D != "" {
		return nil, fmt.Errorf("%w: JWK contains private key material", ErrInvalidKey)
	}
	switch j.Kty {
	case "OKP":
		if j.Crv != "Ed25519" {
			return nil, fmt.Errorf("%w: OKP curve %q", ErrUnsupportedKey, j.Crv)
		}
		x, err := b64(j.X, "x")
		if err != nil {
			return nil, err
		}
		if len(x) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("%w: Ed25519 JWK x is %d bytes", ErrInvalidKey, len(x))
		}
		return ed25519.PublicKey(x), nil
	case "EC":
		if j.Crv != "P-256" {
			return nil, fmt.Errorf("%w: EC curve %q", ErrUnsupportedKey, j.Crv)
		}
		x, err := b64(j.X, "x")
		if err != nil {
			return nil, err
		}
		y, err := b64(j.Y, "y")
		if err != nil {
			return nil, err
		}
		if len(x) != 32 || len(y) != 32 {
			return nil, fmt.Errorf("%w: P-256 JWK coordinates must be 32 bytes", ErrInvalidKey)
		}
		// ecdsa.ParseUncompressedPublicKey checks that the point is on the curve.
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
		if err != nil {
			return nil, fmt.Errorf("%w: P-256 JWK: %v", ErrInvalidKey, err)
		}
		return pub, nil
	case "RSA":
		n, err := b64(j.N, "n")
		if err != nil {
			return nil, err
		}
		e, err := b64(j.E, "e")
		if err != nil {
			return nil, err
		}
		if len(e) == 0 || len(e) > 4 {
			return nil, fmt.Errorf("%w: RSA exponent", ErrInvalidKey)
		}
		ei := new(big.Int).SetBytes(e)
		if ei.Int64() < 3 || ei.Bit(0) == 0 {
			return nil, fmt.Errorf("%w: RSA exponent", ErrInvalidKey)
		}
		pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(ei.Int64())}
		if pub.N.BitLen() < MinRSABits {
			return nil, fmt.Errorf("%w: RSA key of %d bits; at least %d required", ErrInvalidKey, pub.N.BitLen(), MinRSABits)
		}
		return pub, nil
	default:
		return nil, fmt.Errorf("%w: JWK kty %q", ErrUnsupportedKey, j.Kty)
	}
}

// PublicJWK returns the JWK of a public key (Ed25519, ECDSA P-256 or RSA).
func PublicJWK(pub crypto.PublicKey) (JWK, error) {
	enc := base64.RawURLEncoding.EncodeToString
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return JWK{Kty: "OKP", Crv: "Ed25519", X: enc(k)}, nil
	case *ecdsa.PublicKey:
		if k.Curve != elliptic.P256() {
			return JWK{}, fmt.Errorf("%w: only P-256 EC keys", ErrUnsupportedKey)
		}
		b, err := k.Bytes()
		if err != nil {
			return JWK{}, fmt.Errorf("%w: %v", ErrInvalidKey, err)
		}
		return JWK{Kty: "EC", Crv: "P-256", X: enc(b[1:33]), Y: enc(b[33:65])}, nil
	case *rsa.PublicKey:
		return JWK{Kty: "RSA", N: enc(k.N.Bytes()), E: enc(big.NewInt(int64(k.E)).Bytes())}, nil
	default:
		return JWK{}, fmt.Errorf("%w: %T", ErrUnsupportedKey, pub)
	}
}

func b64(s, name string) ([]byte, error) {
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: JWK %q is not base64url", ErrInvalidKey, name)
	}
	return b, nil
}
