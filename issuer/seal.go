package issuer

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/pokot/pokot"
)

// MasterKeySize is the length of the installation's master key: an AES-256 key.
const MasterKeySize = 32

// sealVersion is the first byte of a sealed key, naming the format below.
const sealVersion = 1

// ErrDecrypt is wrapped by every error of a signing key that cannot be opened: the master
// key is not the one the key was sealed with, or the sealed bytes were altered or moved to
// another organisation's row.
var ErrDecrypt = errors.New("cannot decrypt the organisation's signing key: the master key (POKOT_SECRET_KEY) is not the one it was sealed with, or the stored key was altered")

// ParseMasterKey decodes a master key as written in POKOT_SECRET_KEY or a key file: 64
// hexadecimal digits, or 32 bytes in base64 (standard or URL alphabet, padded or not).
// Surrounding white space is ignored. Generate one with `openssl rand -hex 32`.
func ParseMasterKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == MasterKeySize {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == MasterKeySize {
			return b, nil
		}
	}
	return nil, fmt.Errorf("issuer: the master key must be %d bytes as 64 hex digits or base64 (e.g. from `openssl rand -hex 32`)", MasterKeySize)
}

// LoadMasterKeyFile reads the master key from a file (ParseMasterKey's formats), creating
// the file with a new random key, readable only by its owner, when it does not exist: the
// zero-configuration default keeps the key next to the SQLite database. It reports whether
// it created the file.
func LoadMasterKeyFile(path string) (key []byte, created bool, err error) {
	b, err := os.ReadFile(path)
	if err == nil {
		k, err := ParseMasterKey(string(b))
		if err != nil {
			return nil, false, fmt.Errorf("%s: %w", path, err)
		}
		return k, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	k := make([]byte, MasterKeySize)
	if _, err := rand.Read(k); err != nil {
		return nil, false, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) { // another process created it first
		return LoadMasterKeyFile(path)
	}
	if err != nil {
		return nil, false, err
	}
	if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
		f.Close()
		return nil, false, err
	}
	if err := f.Close(); err != nil {
		return nil, false, err
	}
	return k, true, nil
}

// sealer encrypts Ed25519 seeds at rest with AES-256-GCM. A sealed key is
// version (1 byte) ‖ nonce (12 bytes) ‖ ciphertext of the 32-byte seed ‖ tag (16 bytes).
// The additional data binds it to its organisation and key id, so that a sealed key copied
// into another organisation's row does not open.
type sealer struct{ aead cipher.AEAD }

func newSealer(master []byte) (*sealer, error) {
	if len(master) != MasterKeySize {
		return nil, fmt.Errorf("issuer: the master key must be %d bytes, got %d", MasterKeySize, len(master))
	}
	zero := true
	for _, b := range master {
		zero = zero && b == 0
	}
	if zero {
		return nil, errors.New("issuer: the master key is all zeros")
	}
	block, err := aes.NewCipher(master)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead}, nil
}

func additionalData(orgID int64, keyID string) []byte {
	return []byte("pokot org key v1\x00" + strconv.FormatInt(orgID, 10) + "\x00" + keyID)
}

// seal encrypts seed for the key keyID of organisation orgID.
func (s *sealer) seal(orgID int64, keyID string, seed []byte) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := append([]byte{sealVersion}, nonce...)
	return s.aead.Seal(out, nonce, seed, additionalData(orgID, keyID)), nil
}

// open decrypts a sealed seed; every failure wraps ErrDecrypt in an EINTERNAL error.
func (s *sealer) open(orgID int64, keyID string, sealed []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	fail := func(why string) error {
		return &pokot.Error{Code: pokot.EINTERNAL, Key: "err.master_key",
			Message: fmt.Sprintf("organisation %d, key %s: %s", orgID, keyID, why), Err: ErrDecrypt}
	}
	if len(sealed) < 1+n+s.aead.Overhead() || sealed[0] != sealVersion {
		return nil, fail("unknown sealed-key format")
	}
	seed, err := s.aead.Open(nil, sealed[1:1+n], sealed[1+n:], additionalData(orgID, keyID))
	if err != nil {
		return nil, fail("authentication failed")
	}
	return seed, nil
}
