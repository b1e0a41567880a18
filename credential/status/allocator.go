package status

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"math/bits"
	"sync"
)

// Allocator hands out unused indices of one status list in random order, so that the
// position of a credential in the list says nothing about when it was issued (herd
// privacy). It is safe for concurrent use.
type Allocator struct {
	mu    sync.Mutex
	size  int
	used  []uint64 // one bit per index
	nused int
}

// NewAllocator returns an allocator for a list of size entries (0 means MinSize), with
// the indices in used already taken.
func NewAllocator(size int, used []int) (*Allocator, error) {
	if size == 0 {
		size = MinSize
	}
	if size <= 0 || size > MaxSize {
		return nil, fmt.Errorf("%w: list of %d entries", ErrRange, size)
	}
	a := &Allocator{size: size, used: make([]uint64, (size+63)/64)}
	for _, i := range used {
		if i < 0 || i >= size {
			return nil, fmt.Errorf("%w: used index %d, list of %d entries", ErrRange, i, size)
		}
		a.mark(i)
	}
	return a, nil
}

func (a *Allocator) mark(i int) bool {
	w, b := i/64, uint64(1)<<(uint(i)%64)
	if a.used[w]&b != 0 {
		return false
	}
	a.used[w] |= b
	a.nused++
	return true
}

// Free returns the number of indices still available.
func (a *Allocator) Free() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.size - a.nused
}

// Next returns a uniformly random unused index and marks it used; ErrListFull when none
// is left.
func (a *Allocator) Next() (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	free := a.size - a.nused
	if free == 0 {
		return 0, ErrListFull
	}
	// While at least half the list is free, random probing finds a free index in two tries
	// on average; past that, pick the k-th free index directly.
	if free*2 >= a.size {
		for {
			i := int(randBelow(uint64(a.size)))
			if a.mark(i) {
				return i, nil
			}
		}
	}
	k := int(randBelow(uint64(free)))
	for w, word := range a.used {
		valid := a.size - w*64
		if valid > 64 {
			valid = 64
		}
		freeMask := ^word
		if valid < 64 {
			freeMask &= (uint64(1) << uint(valid)) - 1
		}
		n := bits.OnesCount64(freeMask)
		if k >= n {
			k -= n
			continue
		}
		for ; ; k-- {
			bit := bits.TrailingZeros64(freeMask)
			if k == 0 {
				i := w*64 + bit
				a.mark(i)
				return i, nil
			}
			freeMask &^= uint64(1) << uint(bit)
		}
	}
	return 0, ErrListFull // unreachable while nused is consistent
}

func randUint64() uint64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return binary.LittleEndian.Uint64(b[:])
}

// randBelow returns a uniform random number in [0, n) without modulo bias.
func randBelow(n uint64) uint64 {
	limit := ^uint64(0) - ^uint64(0)%n
	for {
		v := randUint64()
		if v < limit {
			return v % n
		}
	}
}
