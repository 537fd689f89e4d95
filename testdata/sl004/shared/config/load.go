package config

import "github.com/spf13/viper"

// Load is shared by both programs of the module; only one of them sets a limit first.
func Load() error {
	viper.SetConfigName("shared")
	return viper.ReadInConfig() // want "SL004: viper.ReadInConfig .* from main.main: main -> run -> config.Load;"
}
