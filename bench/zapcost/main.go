// Startup cost of zap's development logger against its production logger: a startup that
// logs `lines` messages (one in ten at debug, one in twenty a warning, the rest info, with
// a few fields each), written to a file, as a container runtime's log pipe is. Prints the
// wall time and the bytes allocated for each logger, the median of `runs` runs.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"time"

	"go.uber.org/zap"
)

// Startup lines say different things; zap's production sampler keys on the message, so
// each of `lines` messages is one of `distinct` texts.
var distinct = flag.Int("distinct", 100, "different messages among the lines")

func startup(log *zap.Logger, lines int) {
	texts := make([]string, *distinct)
	for i := range texts {
		texts[i] = fmt.Sprintf("startup step %d done", i)
	}
	for i := 0; i < lines; i++ {
		msg := texts[i%len(texts)]
		switch {
		case i%10 == 0:
			log.Debug(msg, zap.Int("index", i), zap.String("source", "env"))
		case i%20 == 1:
			log.Warn(msg, zap.Int("attempt", i), zap.Duration("backoff", time.Second))
		default:
			log.Info(msg, zap.Int("index", i), zap.String("path", "/api/v1/items"))
		}
	}
	_ = log.Sync()
}

func measure(build func() (*zap.Logger, error), lines int) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	log, err := build()
	if err != nil {
		panic(err)
	}
	startup(log, lines)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return took, after.TotalAlloc - before.TotalAlloc
}

func main() {
	lines := flag.Int("lines", 500, "messages logged at startup")
	runs := flag.Int("runs", 21, "runs per logger; the median is printed")
	flag.Parse()
	out, err := os.CreateTemp("", "zapcost-*.log")
	if err != nil {
		panic(err)
	}
	defer os.Remove(out.Name())
	os.Stderr = out // both configs write to stderr
	loggers := []struct {
		name  string
		build func() (*zap.Logger, error)
	}{
		{"production", func() (*zap.Logger, error) { return zap.NewProduction() }},
		{"development", func() (*zap.Logger, error) { return zap.NewDevelopment() }},
	}
	for _, l := range loggers {
		times := make([]time.Duration, *runs)
		var allocated uint64
		for r := range times {
			times[r], allocated = measure(l.build, *lines)
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		fmt.Printf("%-11s %5d lines: %8.2f ms, %7.1f KB allocated\n", l.name, *lines,
			float64(times[len(times)/2].Microseconds())/1000, float64(allocated)/1024)
	}
}
