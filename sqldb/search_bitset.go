package sqldb

import "math/bits"

// bitset is a set of snapshot entry indexes, one bit each: 50,000 POKs take 6 KiB, and
// intersecting two sets is a loop over 782 words.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(i int32)      { b[i>>6] |= 1 << (uint(i) & 63) }
func (b bitset) has(i int32) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }

// addAll sets the bits of a list of indexes.
func (b bitset) addAll(ids []int32) {
	for _, i := range ids {
		b[i>>6] |= 1 << (uint(i) & 63)
	}
}

// and keeps in b only the bits also in o.
func (b bitset) and(o bitset) {
	for w := range b {
		b[w] &= o[w]
	}
}

// count is the number of bits set.
func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// each calls fn for the index of every bit set in the word w of a bitset.
func eachBit(w int, word uint64, fn func(i int32)) {
	for word != 0 {
		t := bits.TrailingZeros64(word)
		fn(int32(w<<6 | t))
		word &= word - 1
	}
}
