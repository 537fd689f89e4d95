package main

import "github.com/spf13/viper"

// The format set, viper still tries every extension: routes.yml is found, read as YAML.
func main() {
	viper.SetConfigName("routes")
	viper.SetConfigType("yaml")
	viper.AddConfigPath(".")
	_ = viper.ReadInConfig() // want `SL004: viper.ReadInConfig loads configuration \(typed/routes.yml: 40 KB of YAML`
}
