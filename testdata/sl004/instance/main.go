package main

import (
	"github.com/spf13/viper"
)

type App struct {
	conf *viper.Viper
	name string
}

func NewApp(name string) *App {
	return &App{conf: viper.New(), name: name}
}

func (a *App) Configure() error {
	a.conf.SetConfigName(a.name)
	return a.conf.ReadInConfig() // want "SL004: \\(\\*viper.Viper\\).ReadInConfig .* main -> App.Configure;"
}

func main() {
	v := viper.New()
	v.SetConfigFile("app.toml")
	_ = v.ReadInConfig() // want "SL004: \\(\\*viper.Viper\\).ReadInConfig .* from main.main: main;"

	app := NewApp("app")
	_ = app.Configure()

	mergeGlobal()
	loadEither("")
}

func mergeGlobal() {
	_ = viper.GetViper().MergeInConfig() // want "SL004: \\(\\*viper.Viper\\).MergeInConfig"
}

// Loads in the branches of one function, choosing the file: the one memory limit that
// covers the first covers the other, so they are one finding (the other a related location).
func loadEither(path string) {
	v := viper.New()
	if path != "" {
		v.SetConfigFile(path)
		_ = v.ReadInConfig() // want "SL004: \\(\\*viper.Viper\\).ReadInConfig .* main -> loadEither;"
	} else {
		_ = v.ReadConfig(nil)
	}
}
