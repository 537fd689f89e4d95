package main

import (
	"runtime/debug"

	"github.com/spf13/viper"
)

// Large, but the runtime knows the limit before the load.
func main() {
	debug.SetMemoryLimit(200 << 20)
	viper.SetConfigFile("routes.yaml")
	_ = viper.ReadInConfig()
}
