package main

import (
	"flag"

	"github.com/spf13/viper"
)

// The file comes from a flag: config.yaml beside it may not be the one read, so the load
// is not sized, and not reported.
func main() {
	path := flag.String("config", "", "config file")
	flag.Parse()
	viper.SetConfigFile(*path)
	_ = viper.ReadInConfig()
}

// A name set elsewhere in the file does not make the flag's file known.
func defaults() {
	viper.SetConfigName("config")
	viper.AddConfigPath(".")
}
