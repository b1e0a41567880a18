package vcjwt

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"fmt"
	"math/big"

	"github.com/pokot/pokot/credential/key"
)

// Verify checks the signature with pub and that the registered claims agree with the
// credential (see CheckClaims). pub is the key resolved from the header's kid, or
// HeaderKey for a jwk header — in which case the caller must still establish that the
// key belongs to the issuer.
func (t *Token) Verify(pub crypto.PublicKey) error {
	if err := t.VerifySignature(pub); err != nil {
		return err
	}
	return t.CheckClaims()
}

// VerifySignature checks the JWS signature with pub, whose type must fit alg: EdDSA with
// an Ed25519 key, ES256 with a P-256 key (64-byte r||s signature), RS256 with an RSA key
// of at least 2048 bits.
func (t *Token) VerifySignature(pub crypto.PublicKey) error {
	switch t.Header.Alg {
	case "EdDSA":
		k, ok := pub.(ed25519.PublicKey)
		if !ok || len(k) != ed25519.PublicKeySize {
			return fmt.Errorf("%w: EdDSA needs an Ed25519 key, got %T", ErrKeyMismatch, pub)
		}
		if len(t.signature) != ed25519.SignatureSize || !ed25519.Verify(k, t.signingInput, t.signature) {
			return ErrSignature
		}
	case "ES256":
		k, ok := pub.(*ecdsa.PublicKey)
		if !ok || k.Curve != elliptic.P256() {
			return fmt.Errorf("%w: ES256 needs a P-256 key, got %T", ErrKeyMismatch, pub)
		}
		if len(t.signature) != 64 {
			return fmt.Errorf("%w: an ES256 signature is 64 bytes", ErrSignature)
		}
		h := sha256.Sum256(t.signingInput)
		r := new(big.Int).SetBytes(t.signature[:32])
		s := new(big.Int).SetBytes(t.signature[32:])
		if !ecdsa.Verify(k, h[:], r, s) {
			return ErrSignature
		}
	case "RS256":
		k, ok := pub.(*rsa.PublicKey)
		if !ok {
			return fmt.Errorf("%w: RS256 needs an RSA key, got %T", ErrKeyMismatch, pub)
		}
		if k.N.BitLen() < key.MinRSABits {
			return fmt.Errorf("%w: RSA key of %d bits; at least %d required", ErrKeyMismatch, k.N.BitLen(), key.MinRSABits)
		}
		h := sha256.Sum256(t.signingInput)
		if rsa.VerifyPKCS1v15(k, crypto.SHA256, h[:], t.signature) != nil {
			return ErrSignature
		}
	default:
		return fmt.Errorf("%w: %q", ErrAlgorithm, t.Header.Alg)
	}
	return nil
}

// HeaderKey returns the public key of the header's jwk parameter; an error if the header
// names its key by kid instead.
func (t *Token) HeaderKey() (crypto.PublicKey, error) {
	if t.Header.JWK == nil {
		return nil, fmt.Errorf("%w: the header has no jwk", ErrHeader)
	}
	pub, err := key.ParseJWK(t.Header.JWK)
	if err != nil {
		return nil, fmt.Errorf("%w: jwk: %v", ErrHeader, err)
	}
	return pub, nil
}
