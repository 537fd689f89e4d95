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

	_ = viper.GetViper().MergeInConfig() // want "SL004: \\(\\*viper.Viper\\).MergeInConfig"
}
