package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/viper"
)

// A negative limit only asks for the current one: nothing is set, so the load is unguarded.
func main() {
	fmt.Println("memory limit:", debug.SetMemoryLimit(-1))
	_ = viper.ReadInConfig() // want "SL004: viper.ReadInConfig .* from main"
}
