package config

import "github.com/spf13/viper"

// MustLoad lives in another module of the workspace; go.work maps its import path here.
func MustLoad() {
	if err := viper.ReadInConfig(); err != nil { // want "SL004: .* from main.main: main -> config.MustLoad;"
		panic(err)
	}
}
