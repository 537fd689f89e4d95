package main

import (
	"os"
	"runtime/debug"
	"strconv"

	"github.com/spf13/viper"
)

func main() {
	setLimitFromEnv()
	loadConfig()
	loadLater()
}

// setLimitFromEnv sets the limit; calling it first protects everything after it.
func setLimitFromEnv() {
	if v, err := strconv.ParseInt(os.Getenv("MEM_LIMIT_BYTES"), 10, 64); err == nil {
		debug.SetMemoryLimit(v)
	}
}

func loadConfig() {
	_ = viper.ReadInConfig()
}

func loadLater() {
	_ = viper.MergeInConfig()
}

func init() {
	_ = viper.ReadConfig(os.Stdin) // want "SL004: viper.ReadConfig .* from func init of package main: init;"
	debug.SetMemoryLimit(100 << 20) // too late for the load above
}
