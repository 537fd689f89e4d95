package settings

import "github.com/spf13/viper"

// Both programs read it: the API server's path decides.
func Read() error {
	return viper.ReadInConfig() // want "SL004: .*from main.main: main -> settings.Read"
}
