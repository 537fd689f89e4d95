package main

import "github.com/spf13/viper"

// 2 KB of YAML: tens of KB allocated, too small to matter.
func main() {
	viper.SetConfigFile("config.yaml")
	_ = viper.ReadInConfig()
}
