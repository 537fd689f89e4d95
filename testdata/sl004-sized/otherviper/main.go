package main

import "github.com/spf13/viper"

// The setters are another viper's: what `loaded` reads is not known.
func main() {
	routes := viper.New()
	routes.SetConfigFile("routes.yaml")
	loaded := viper.New()
	_ = loaded.ReadInConfig()
	_ = routes
}
