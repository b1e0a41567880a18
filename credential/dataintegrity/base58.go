package dataintegrity

import (
	"errors"
	"strings"
)

const b58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

var b58Index = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b58Alphabet); i++ {
		t[b58Alphabet[i]] = int8(i)
	}
	return t
}()

// errBase58 is returned for characters outside the base58btc alphabet.
var errBase58 = errors.New("invalid base58btc character")

// maxBase58 bounds decoded input; multibase values here are keys and signatures.
const maxBase58 = 1024

// base58Encode encodes b with the Bitcoin base58 alphabet.
func base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	// log(256)/log(58) < 1.38
	digits := make([]byte, 0, len(b)*138/100+1)
	for _, c := range b[zeros:] {
		carry := int(c)
		for i := range digits {
			carry += int(digits[i]) << 8
			digits[i] = byte(carry % 58)
			carry /= 58
		}
		for carry > 0 {
			digits = append(digits, byte(carry%58))
			carry /= 58
		}
	}
	var sb strings.Builder
	sb.Grow(zeros + len(digits))
	for i := 0; i < zeros; i++ {
		sb.WriteByte('1')
	}
	for i := len(digits) - 1; i >= 0; i-- {
		sb.WriteByte(b58Alphabet[digits[i]])
	}
	return sb.String()
}

// base58Decode decodes a base58btc string.
func base58Decode(s string) ([]byte, error) {
	if len(s) > maxBase58 {
		return nil, errors.New("base58btc value too long")
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	bytes := make([]byte, 0, len(s))
	for i := zeros; i < len(s); i++ {
		d := b58Index[s[i]]
		if d < 0 {
			return nil, errBase58
		}
		carry := int(d)
		for j := range bytes {
			carry += int(bytes[j]) * 58
			bytes[j] = byte(carry)
			carry >>= 8
		}
		for carry > 0 {
			bytes = append(bytes, byte(carry))
			carry >>= 8
		}
	}
	out := make([]byte, zeros+len(bytes))
	for i, c := range bytes {
		out[len(out)-1-i] = c
	}
	return out, nil
}

// multibaseEncode returns b as a base58btc multibase string ('z' prefix).
func multibaseEncode(b []byte) string { return "z" + base58Encode(b) }

// multibaseDecode decodes a base58btc multibase string; other bases are rejected.
func multibaseDecode(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "z") {
		return nil, errors.New("multibase value is not base58btc (must start with 'z')")
	}
	return base58Decode(s[1:])
}
