// Command memlimit builds a 50 MB table from 200,000 allocations, as a service's startup might,
// and prints how long that took and how many collections ran: `go run . ` without a memory
// limit, `go run . 0` with debug.SetMemoryLimit(0), `go run . 16777216` with 16 MiB. It first
// prints the memory the runtime holds before main's first line (SL010's floor).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"time"
)

var sink [][]byte

func main() {
	if len(os.Args) > 1 {
		n, _ := strconv.ParseInt(os.Args[1], 10, 64)
		debug.SetMemoryLimit(n)
	}
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	fmt.Println("runtime total at start:", s[0].Value.Uint64())
	start := time.Now()
	var ru0 runtime.MemStats
	runtime.ReadMemStats(&ru0)
	// A startup-like workload: a table built and kept.
	for i := 0; i < 200000; i++ {
		sink = append(sink, make([]byte, 256))
	}
	var ru runtime.MemStats
	runtime.ReadMemStats(&ru)
	fmt.Printf("elapsed %v, GC cycles %d, GC CPU fraction %.2f\n", time.Since(start), ru.NumGC-ru0.NumGC, ru.GCCPUFraction)
}
