package issuing_test

import (
	"syscall"
	"time"
)

// cpuTime is this process's user+system CPU time.
type cpuTime struct{ d time.Duration }

func (c *cpuTime) read() {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	c.d = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (c cpuTime) sub(o cpuTime) time.Duration { return c.d - o.d }
