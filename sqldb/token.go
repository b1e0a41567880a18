package sqldb

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newToken returns a fresh secret (32 random bytes, base64url without padding) and the
// SHA-256 hex digest that is the only thing stored.
func newToken() (secret, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never returns an error (crypto/rand.Read)
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, hashToken(secret)
}

// hashToken returns the stored form of a secret.
func hashToken(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}
