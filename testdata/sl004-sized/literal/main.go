package main

import "github.com/spf13/viper"

// The file is named by a literal, relative to where the program starts (this directory).
func main() {
	viper.SetConfigFile("config/routes.yaml")
	_ = viper.ReadInConfig() // want `SL004: viper.ReadInConfig loads configuration \(literal/config/routes.yaml: 40 KB of YAML, about 1.2 MB allocated while loading\) while the Go runtime`
}
