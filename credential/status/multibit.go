package status

import (
	"fmt"
)

// MaxStatusSize is the widest entry, in bits, that this package reads or writes. The
// specification sets no upper bound, but each entry of a status list with a statusSize of
// n needs 2^n statusMessage objects, so wide entries only make credentials large.
const MaxStatusSize = 8

// NewSized returns an all-zero list of entries entries of statusSize bits each; entries 0
// means MinSize. It refuses fewer than MinSize entries whatever the width, so a list of
// wider entries is never smaller (in entries, the herd that hides a credential) than a
// one-bit list; its bitstring is entries×statusSize bits, rounded up to whole bytes.
func NewSized(entries, statusSize int) (*List, error) {
	if statusSize < 1 || statusSize > MaxStatusSize {
		return nil, fmt.Errorf("%w: statusSize %d (1 to %d)", ErrUnsupported, statusSize, MaxStatusSize)
	}
	if entries == 0 {
		entries = MinSize
	}
	if entries < MinSize {
		return nil, fmt.Errorf("%w: %d entries requested", ErrListTooShort, entries)
	}
	if entries*statusSize > MaxSize {
		return nil, fmt.Errorf("%w: %d entries of %d bits requested, at most %d bits", ErrListTooLarge, entries, statusSize, MaxSize)
	}
	nbits := (entries*statusSize + 7) &^ 7
	return &List{bits: make([]byte, nbits/8), size: entries, width: statusSize}, nil
}

// StatusSize returns the number of bits of each entry.
func (l *List) StatusSize() int {
	if l.width == 0 {
		return 1
	}
	return l.width
}

// WithStatusSize returns a view of the same bitstring as entries of statusSize bits: a
// decoded encodedList does not say its entries' width, the credential's entry does
// (statusSize). The view has len(bits)/statusSize entries and shares the bits.
func (l *List) WithStatusSize(statusSize int) (*List, error) {
	if statusSize < 1 || statusSize > MaxStatusSize {
		return nil, fmt.Errorf("%w: statusSize %d (1 to %d)", ErrUnsupported, statusSize, MaxStatusSize)
	}
	return &List{bits: l.bits, size: len(l.bits) * 8 / statusSize, width: statusSize}, nil
}

// Value returns the status value of entry index: its StatusSize bits read as a big-endian
// number (the first bit of the entry is the most significant). The Recommendation's
// validation algorithm raises a RANGE_ERROR when index×statusSize is outside the
// bitstring; so does Value (ErrRange).
func (l *List) Value(index int) (int, error) {
	if index < 0 || index >= l.size {
		return 0, fmt.Errorf("%w: index %d, list of %d entries", ErrRange, index, l.size)
	}
	w := l.StatusSize()
	v := 0
	for b := index * w; b < (index+1)*w; b++ {
		v = v<<1 | int(l.bits[b/8]>>(7-uint(b%8))&1)
	}
	return v, nil
}

// SetValue sets the status value of entry index; v must fit in StatusSize bits.
func (l *List) SetValue(index, v int) error {
	if index < 0 || index >= l.size {
		return fmt.Errorf("%w: index %d, list of %d entries", ErrRange, index, l.size)
	}
	w := l.StatusSize()
	if v < 0 || v >= 1<<w {
		return fmt.Errorf("%w: value %d does not fit in %d bits", ErrRange, v, w)
	}
	for k := 0; k < w; k++ {
		b := index*w + k
		mask := byte(1) << (7 - uint(b%8))
		if v>>(w-1-k)&1 == 1 {
			l.bits[b/8] |= mask
		} else {
			l.bits[b/8] &^= mask
		}
	}
	return nil
}
