package loader

import (
	"runtime/debug"
	"testing"
)

func BenchmarkNoGC(b *testing.B) {
	debug.SetGCPercent(-1)
}
