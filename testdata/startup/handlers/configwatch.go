package main

import (
	"github.com/fsnotify/fsnotify"
	"github.com/spf13/viper"
)

// A config watcher's callback runs when the file changes, after startup (KubeArmor reloads
// its settings so): viper keeps the function for WatchConfig's goroutine.
func watchConfig() {
	viper.OnConfigChange(func(e fsnotify.Event) { onlyChange(nil) })
	viper.WatchConfig()
	v := viper.New()
	v.OnConfigChange(func(e fsnotify.Event) { onlyChange(nil) })
	v.WatchConfig()
}

func onlyChange(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
