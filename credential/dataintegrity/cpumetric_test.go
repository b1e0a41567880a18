package dataintegrity

import "testing"

// loopWithCPU runs f in a b.Loop and reports CPU nanoseconds per operation
// ("cpu-ns/op") besides the wall-clock ns/op.
func loopWithCPU(b *testing.B, f func()) {
	b.ReportAllocs()
	n := 0
	start := cpuTime()
	for b.Loop() {
		f()
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
	}
}
