package main

import "github.com/spf13/viper"

func main() {
	configure()
	load()
}

// The package-level viper is told its file in one function and loads in another.
func configure() {
	viper.SetConfigName("app")
	viper.AddConfigPath(".")
}

func load() {
	_ = viper.ReadInConfig() // want `SL004: viper.ReadInConfig loads configuration \(setup/app.yml: 40 KB of YAML`
}
