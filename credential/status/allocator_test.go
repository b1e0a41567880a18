package status_test

import (
	"errors"
	"sort"
	"sync"
	"testing"

	"github.com/pokot/pokot/credential/status"
)

// Every index of the list is handed out exactly once, then the list is full.
func TestAllocatorWholeRangeNoCollisions(t *testing.T) {
	a, err := status.NewAllocator(0, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]bool, status.MinSize)
	var first []int
	for n := 0; n < status.MinSize; n++ {
		i, err := a.Next()
		if err != nil {
			t.Fatalf("after %d allocations: %v", n, err)
		}
		if i < 0 || i >= status.MinSize {
			t.Fatalf("index %d out of range", i)
		}
		if seen[i] {
			t.Fatalf("index %d handed out twice", i)
		}
		seen[i] = true
		if n < 100 {
			first = append(first, i)
		}
	}
	if _, err := a.Next(); !errors.Is(err, status.ErrListFull) {
		t.Fatalf("full list: err = %v", err)
	}
	// Herd privacy: the order is not sequential (100 random draws are sorted with
	// probability 1/100!).
	if sort.IntsAreSorted(first) {
		t.Fatalf("allocation order looks sequential: %v", first[:10])
	}
}

func TestAllocatorRespectsUsed(t *testing.T) {
	const size = 1000
	used := []int{}
	for i := 0; i < size; i++ {
		if i%10 != 3 {
			used = append(used, i)
		}
	}
	a, err := status.NewAllocator(size, used)
	if err != nil {
		t.Fatal(err)
	}
	if a.Free() != 100 {
		t.Fatalf("Free = %d", a.Free())
	}
	got := map[int]bool{}
	for n := 0; n < 100; n++ {
		i, err := a.Next()
		if err != nil {
			t.Fatal(err)
		}
		if i%10 != 3 || got[i] {
			t.Fatalf("index %d was used or repeated", i)
		}
		got[i] = true
	}
	if _, err := a.Next(); !errors.Is(err, status.ErrListFull) {
		t.Fatalf("err = %v", err)
	}
	if _, err := status.NewAllocator(size, []int{size}); err == nil {
		t.Fatal("a used index outside the list was accepted")
	}
}

func TestAllocatorConcurrent(t *testing.T) {
	const size = 4096
	a, _ := status.NewAllocator(size, nil)
	var mu sync.Mutex
	seen := map[int]bool{}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < size/8; n++ {
				i, err := a.Next()
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if seen[i] {
					t.Errorf("index %d twice", i)
				}
				seen[i] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != size || a.Free() != 0 {
		t.Fatalf("%d allocated, %d free", len(seen), a.Free())
	}
}

func BenchmarkAllocatorFill(b *testing.B) {
	for b.Loop() {
		a, _ := status.NewAllocator(0, nil)
		for a.Free() > 0 {
			a.Next()
		}
	}
}
