package key

import (
	"errors"
	"math/big"
)

// The Bitcoin base58 alphabet used by multibase's base58btc ('z').
const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

var base58Index = func() [256]int8 {
	var t [256]int8
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(base58Alphabet); i++ {
		t[base58Alphabet[i]] = int8(i)
	}
	return t
}()

// maxBase58Len bounds the input so that decoding stays cheap; keys and signatures
// are far below it.
const maxBase58Len = 512

// base58Encode encodes b in base58btc, keeping leading zero bytes as '1'.
func base58Encode(b []byte) string {
	zeros := 0
	for zeros < len(b) && b[zeros] == 0 {
		zeros++
	}
	// Big-endian repeated division on a byte buffer; inputs are small.
	size := (len(b)-zeros)*138/100 + 1
	buf := make([]byte, size)
	high := size - 1
	for _, c := range b[zeros:] {
		carry := int(c)
		j := size - 1
		for ; j > high || carry != 0; j-- {
			carry += 256 * int(buf[j])
			buf[j] = byte(carry % 58)
			carry /= 58
		}
		high = j
	}
	i := 0
	for i < size && buf[i] == 0 {
		i++
	}
	out := make([]byte, zeros+size-i)
	for k := 0; k < zeros; k++ {
		out[k] = '1'
	}
	for k := zeros; i < size; i, k = i+1, k+1 {
		out[k] = base58Alphabet[buf[i]]
	}
	return string(out)
}

// Base58Encode encodes b in base58btc without a multibase prefix.
func Base58Encode(b []byte) string { return base58Encode(b) }

// Base58Decode decodes a base58btc string without a multibase prefix.
func Base58Decode(s string) ([]byte, error) { return base58Decode(s) }

// base58Decode decodes a base58btc string.
func base58Decode(s string) ([]byte, error) {
	if len(s) > maxBase58Len {
		return nil, errors.New("base58 value is too long")
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	n := new(big.Int)
	radix := big.NewInt(58)
	for i := zeros; i < len(s); i++ {
		v := base58Index[s[i]]
		if v < 0 {
			return nil, errors.New("invalid base58 character")
		}
		n.Mul(n, radix)
		n.Add(n, big.NewInt(int64(v)))
	}
	body := n.Bytes()
	if zeros == len(s) {
		body = nil
	}
	out := make([]byte, zeros+len(body))
	copy(out[zeros:], body)
	return out, nil
}
