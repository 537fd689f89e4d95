package main

import (
	cfg "github.com/spf13/viper"

	viper "example.com/aliased/internal/viper"
)

func main() {
	_ = cfg.ReadInConfig() // want "SL004: viper.ReadInConfig .* main.main"
	_ = viper.ReadInConfig() // another package that is merely named viper: followed, and it loads nothing
}
