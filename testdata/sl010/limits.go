package main

import (
	"log"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

const (
	noLimit   = -1
	tinyLimit = 4 << 20
	sensible  = 512 << 20
	mebibyte  = 1 << 20
)

func main() {
	// Meant to read the limit, as GOMAXPROCS(0) reads its setting: it sets it to zero.
	log.Printf("gomaxprocs=%d gomemlimit=%d", runtime.GOMAXPROCS(0), debug.SetMemoryLimit(0)) // want `SL010: debug.SetMemoryLimit\(0\) sets the soft memory limit to 0 bytes, below the 8 MB .* 0 neither reads the limit \(-1 does\) nor removes it \(math.MaxInt64 does\)`

	// Meant as "no limit", as GOGC=off means no collection: a limit of zero bytes too.
	debug.SetGCPercent(50)
	debug.SetMemoryLimit(0) // want `SL010: debug.SetMemoryLimit\(0\)`

	debug.SetMemoryLimit(tinyLimit)    // want `SL010: debug.SetMemoryLimit\(4194304\) sets the soft memory limit to 4.0 MB, .*less some headroom`
	debug.SetMemoryLimit(2 * mebibyte) // want `SL010: .*to 2.0 MB`

	// Reads, real limits, and limits computed at run time.
	_ = debug.SetMemoryLimit(-1)
	_ = debug.SetMemoryLimit(noLimit)
	debug.SetMemoryLimit(sensible)
	debug.SetMemoryLimit(8 << 20)
	debug.SetMemoryLimit(math.MaxInt64)
	if v, err := strconv.ParseInt(os.Getenv("APP_MEMORY_LIMIT"), 10, 64); err == nil {
		debug.SetMemoryLimit(v)
	}
}
