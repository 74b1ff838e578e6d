//go:build unix

package prose_test

import "syscall"

// cpuTime is the CPU time the process has used, in nanoseconds: a benchmark's figure that
// other work on a shared machine does not inflate.
func cpuTime() int64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return u.Utime.Nano() + u.Stime.Nano()
}
