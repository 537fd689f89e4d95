package main

import (
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/viper"
)

func main() {
	loadThenCollect()
	load()
	collect()
	collectThenLoad() // nothing collects after this call
	loadThenProfile()
}

func loadThenCollect() {
	_ = viper.ReadInConfig()
	runtime.GC() // frees the decoding garbage right away
}

func collectThenLoad() {
	runtime.GC()
	_ = viper.MergeInConfig() // want "SL004: viper.MergeInConfig .* from main.main: main -> collectThenLoad;"
}

// load is followed by a collection in main (through collect), so main's path is covered.
func load() {
	_ = viper.ReadInConfig()
}

func collect() {
	runtime.GC()
}

// A collection buried two calls deep (before a heap profile, at exit) does not count.
func loadThenProfile() {
	_ = viper.ReadInConfig() // want "SL004: .* main -> loadThenProfile;"
	finish()
}

func finish() {
	writeHeapProfile("mem.pprof")
}

func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC()
	_ = pprof.WriteHeapProfile(f)
}
