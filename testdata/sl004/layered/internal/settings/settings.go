package settings

import "github.com/spf13/viper"

func Fetch() {
	_ = viper.ReadInConfig() // want "SL004: viper.ReadInConfig .* from main.main: main -> boot.Prepare -> settings.Fetch;"
}
