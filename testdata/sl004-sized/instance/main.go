package main

import "github.com/spf13/viper"

// A viper of its own, told its file by its own setters.
func main() {
	v := viper.New()
	v.SetConfigFile("routes.toml")
	_ = v.ReadInConfig() // want `SL004: \(\*viper.Viper\).ReadInConfig loads configuration \(instance/routes.toml: 50 KB of TOML, about 1.2 MB allocated`
}
