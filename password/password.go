// Package password hashes and verifies passwords with argon2id and checks that a new
// password follows the platform's rules (length, not a common password, not the e-mail).
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the argon2id cost parameters stored in every hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	KeyLen  uint32
	SaltLen uint32
}

// Default is tuned for a small (2-core) server: 64 MiB, 2 passes, 2 lanes — about
// 50–100 ms per hash (see BenchmarkHash and docs/benchmarks.md).
var Default = Params{Memory: 64 * 1024, Time: 2, Threads: 2, KeyLen: 32, SaltLen: 16}

// ErrMalformed is returned by Verify when the stored hash cannot be parsed.
var ErrMalformed = errors.New("password: malformed hash")

var b64 = base64.RawStdEncoding

// Hash returns the PHC string of pw with the Default parameters, e.g.
// $argon2id$v=19$m=65536,t=2,p=2$<salt>$<key>.
func Hash(pw string) (string, error) { return HashWith(pw, Default) }

// HashWith hashes pw with explicit parameters (tests use cheap ones).
func HashWith(pw string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether pw matches the PHC hash, comparing in constant time.
// An empty or malformed hash never matches (ErrMalformed for the latter).
func Verify(pw, hash string) (bool, error) {
	p, salt, key, err := decode(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether hash was made with parameters other than Default.
func NeedsRehash(hash string) bool {
	p, salt, key, err := decode(hash)
	if err != nil {
		return true
	}
	return p.Memory != Default.Memory || p.Time != Default.Time || p.Threads != Default.Threads ||
		uint32(len(key)) != Default.KeyLen || uint32(len(salt)) != Default.SaltLen
}

// maxMemory bounds the memory a stored hash may ask for (1 GiB), so that a tampered hash
// cannot exhaust the server.
const maxMemory = 1 << 20

func decode(hash string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformed
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, ErrMalformed
	}
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil || n != 3 {
		return p, nil, nil, ErrMalformed
	}
	if p.Memory == 0 || p.Memory > maxMemory || p.Time == 0 || p.Time > 100 || threads == 0 || threads > 255 {
		return p, nil, nil, ErrMalformed
	}
	p.Threads = uint8(threads)
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, ErrMalformed
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 128 {
		return p, nil, nil, ErrMalformed
	}
	return p, salt, key, nil
}
