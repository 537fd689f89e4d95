package config

import "github.com/spf13/viper"

type Config struct{ Addr string }

// Load is reached from main only through Wire's generated injector.
func Load() (*Config, error) {
	if err := viper.ReadInConfig(); err != nil { // want "SL004: .*main"
		return nil, err
	}
	return &Config{Addr: viper.GetString("addr")}, nil
}
