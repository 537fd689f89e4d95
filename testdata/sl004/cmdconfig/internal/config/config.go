package config

import "github.com/spf13/viper"

type Config struct {
	Addr string `mapstructure:"addr"`
}

func Load(path string) (*Config, error) {
	viper.SetConfigFile(path)
	if err := viper.ReadInConfig(); err != nil { // want "SL004: viper.ReadInConfig .* from main.main: main -> config.Load;"
		return nil, err
	}
	var cfg Config
	return &cfg, viper.Unmarshal(&cfg)
}

// Reload is called by nobody in the module: not a startup path.
func Reload() error {
	return viper.MergeInConfig()
}
