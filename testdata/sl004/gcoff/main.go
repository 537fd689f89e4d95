package main

import (
	"runtime/debug"

	"github.com/spf13/viper"
)

func main() {
	neverRestored()
	deferredRestore()
	savedRestore()
	restoreBefore()
}

func neverRestored() {
	debug.SetGCPercent(-1)
	_ = viper.ReadInConfig() // want "SL004: .* from main.main: main -> neverRestored;"
}

func deferredRestore() {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	_ = viper.ReadInConfig()
}

func savedRestore() {
	old := debug.SetGCPercent(-1)
	_ = viper.MergeInConfig()
	debug.SetGCPercent(old)
}

func restoreBefore() {
	old := debug.SetGCPercent(-1)
	debug.SetGCPercent(old)
	_ = viper.ReadInConfig() // want "SL004: .* main -> restoreBefore;"
}
