package key

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// File is the JSON key file written by `pokot keygen` and read by `pokot sign --key`:
// a Multikey verification method with its secret key.
type File struct {
	Type               string `json:"type"`
	ID                 string `json:"id"`
	Controller         string `json:"controller"`
	PublicKeyMultibase string `json:"publicKeyMultibase"`
	SecretKeyMultibase string `json:"secretKeyMultibase"`
}

// maxKeyFileSize bounds what ReadFile accepts; a key file is a few hundred bytes.
const maxKeyFileSize = 64 << 10

// NewFile returns the key file of a pair, identified by its did:key.
func NewFile(k *KeyPair) File {
	return File{
		Type:               "Multikey",
		ID:                 VerificationMethodID(k.Public),
		Controller:         DIDKey(k.Public),
		PublicKeyMultibase: EncodePublic(k.Public),
		SecretKeyMultibase: EncodeSecret(k.Private),
	}
}

// KeyPair decodes the key pair of the file and checks that its public key belongs to the
// secret key.
func (f File) KeyPair() (*KeyPair, error) {
	if f.Type != "Multikey" {
		return nil, fmt.Errorf("%w: key file type must be \"Multikey\", got %q", ErrUnsupportedKey, f.Type)
	}
	priv, err := DecodeSecret(f.SecretKeyMultibase)
	if err != nil {
		return nil, fmt.Errorf("key file secret key: %w", err)
	}
	pub := priv.Public().(ed25519.PublicKey)
	if f.PublicKeyMultibase != "" {
		filePub, err := DecodePublic(f.PublicKeyMultibase)
		if err != nil {
			return nil, fmt.Errorf("key file public key: %w", err)
		}
		if !filePub.Equal(pub) {
			return nil, fmt.Errorf("%w: the public key in the key file does not belong to its secret key", ErrInvalidKey)
		}
	}
	return &KeyPair{Public: pub, Private: priv}, nil
}

// Marshal encodes a key pair as a key file.
func Marshal(k *KeyPair) ([]byte, error) {
	b, err := json.MarshalIndent(NewFile(k), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Unmarshal decodes a key file.
func Unmarshal(b []byte) (*KeyPair, error) {
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%w: the key file is not valid JSON: %v", ErrInvalidKey, err)
	}
	return f.KeyPair()
}

// WriteFile writes the key file of k to path with mode 0600; it refuses to overwrite an
// existing file so that a key is never lost by accident.
func WriteFile(path string, k *KeyPair) error {
	b, err := Marshal(k)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("key file %s already exists; not overwriting it", path)
		}
		return fmt.Errorf("write key file: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write key file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	return nil
}

// ReadFile reads a key file written by WriteFile.
func ReadFile(path string) (*KeyPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	if st.Size() > maxKeyFileSize {
		return nil, fmt.Errorf("%w: key file %s is too large to be a key file", ErrInvalidKey, path)
	}
	b := make([]byte, st.Size())
	if _, err := f.ReadAt(b, 0); err != nil && st.Size() > 0 {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	return Unmarshal(b)
}
