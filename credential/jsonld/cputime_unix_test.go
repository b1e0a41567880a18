//go:build unix

package jsonld_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) used by this process, so
// that benchmarks on a shared machine can report CPU time per operation
// next to wall-clock time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
