//go:build !unix

package prose_test

// cpuTime is not measured here.
func cpuTime() int64 { return 0 }
