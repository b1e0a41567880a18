// Package status implements Bitstring Status List v1.0 for revocation, suspension and
// status messages (entries of several bits explained by statusMessage):
// the bitstring and its encodedList form, status list credentials and entries, the
// status check during verification and collision-free random index allocation.
package status

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MinSize is the smallest list, in entries, that the specification allows (16 KiB of bits);
// smaller lists would let an observer single out credentials.
const MinSize = 131072

// MaxSize is the largest list, in entries, that Decode accepts (16 MiB of bits); larger
// inputs are refused to bound memory against gzip bombs.
const MaxSize = 16 << 20 * 8

// maxEncodedLen bounds the encodedList string given to Decode.
const maxEncodedLen = 8 << 20

// Errors of the status package; compare with errors.Is.
var (
	ErrRange           = errors.New("status list index out of range")
	ErrMalformed       = errors.New("malformed status list")
	ErrListTooShort    = errors.New("status list is shorter than the 131,072 entries required")
	ErrListTooLarge    = errors.New("status list is too large")
	ErrPurposeMismatch = errors.New("status purpose of the entry does not match the status list")
	ErrUnsupported     = errors.New("unsupported status entry")
	ErrListFull        = errors.New("status list has no free index")
)

// List is a bitstring of statuses, StatusSize bits per credential (1 unless made by
// NewSized or viewed with WithStatusSize). Bits are numbered most significant bit first:
// bit 0 is the high bit of byte 0, and entry i occupies bits i×StatusSize up to
// (i+1)×StatusSize−1, read as a big-endian number.
type List struct {
	bits  []byte
	size  int // entries
	width int // bits per entry; 0 means 1
}

// New returns an all-zero list of size entries; size 0 means MinSize. The size is
// rounded up to whole bytes and must be at least MinSize.
func New(size int) (*List, error) {
	if size == 0 {
		size = MinSize
	}
	if size < MinSize {
		return nil, fmt.Errorf("%w: %d entries requested", ErrListTooShort, size)
	}
	if size > MaxSize {
		return nil, fmt.Errorf("%w: %d entries requested, at most %d", ErrListTooLarge, size, MaxSize)
	}
	size = (size + 7) &^ 7
	return &List{bits: make([]byte, size/8), size: size}, nil
}

// Len returns the number of entries of the list.
func (l *List) Len() int { return l.size }

// Get returns the status bit at index of a one-bit list.
func (l *List) Get(index int) (bool, error) {
	if l.StatusSize() != 1 {
		return false, fmt.Errorf("%w: Get on a list of %d-bit entries", ErrUnsupported, l.StatusSize())
	}
	if index < 0 || index >= l.size {
		return false, fmt.Errorf("%w: index %d, list of %d entries", ErrRange, index, l.size)
	}
	return l.bits[index/8]>>(7-uint(index%8))&1 == 1, nil
}

// Set sets the status bit at index of a one-bit list.
func (l *List) Set(index int, v bool) error {
	if l.StatusSize() != 1 {
		return fmt.Errorf("%w: Set on a list of %d-bit entries", ErrUnsupported, l.StatusSize())
	}
	if index < 0 || index >= l.size {
		return fmt.Errorf("%w: index %d, list of %d entries", ErrRange, index, l.size)
	}
	mask := byte(1) << (7 - uint(index%8))
	if v {
		l.bits[index/8] |= mask
	} else {
		l.bits[index/8] &^= mask
	}
	return nil
}

// Bytes returns a copy of the raw bitstring.
func (l *List) Bytes() []byte { return bytes.Clone(l.bits) }

// Encode returns the encodedList value: the multibase prefix 'u' followed by the
// unpadded base64url encoding of the gzip-compressed bitstring.
func (l *List) Encode() (string, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := zw.Write(l.bits); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return "u" + base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// Decode parses an encodedList value, with or without the multibase 'u' prefix. It
// refuses lists shorter than MinSize entries and stops decompressing past MaxSize.
func Decode(encoded string) (*List, error) {
	return decode(encoded, MinSize)
}

// decode is Decode with a configurable minimum number of entries.
func decode(encoded string, minEntries int) (*List, error) {
	if len(encoded) > maxEncodedLen {
		return nil, fmt.Errorf("%w: encodedList of %d characters", ErrListTooLarge, len(encoded))
	}
	s := strings.TrimPrefix(encoded, "u")
	// Be liberal about padding, strict about the alphabet.
	s = strings.TrimRight(s, "=")
	compressed, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: encodedList is not base64url", ErrMalformed)
	}
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, fmt.Errorf("%w: encodedList is not gzip data", ErrMalformed)
	}
	zr.Multistream(false)
	const maxBytes = MaxSize / 8
	bits, err := io.ReadAll(io.LimitReader(zr, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: encodedList does not decompress: %v", ErrMalformed, err)
	}
	if len(bits) > maxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes decompressed", ErrListTooLarge, maxBytes)
	}
	if len(bits)*8 < minEntries || len(bits) == 0 {
		return nil, fmt.Errorf("%w: %d entries", ErrListTooShort, len(bits)*8)
	}
	return &List{bits: bits, size: len(bits) * 8}, nil
}
