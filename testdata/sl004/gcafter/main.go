package main

import (
	"runtime"

	"github.com/spf13/viper"
)

func main() {
	loadThenCollect()
	load()
	collect()
	collectThenLoad() // nothing collects after this call
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
