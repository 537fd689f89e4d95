package main

import "github.com/spf13/viper"

const configName = "app"

// viper looks for app.<ext> in each config path in turn; /etc/app is not in the tree, and
// "." is found from the module's root, where the image starts it.
func main() {
	viper.SetConfigName(configName)
	viper.AddConfigPath("/etc/app")
	viper.AddConfigPath(".")
	_ = viper.ReadInConfig() // want `SL004: viper.ReadInConfig loads configuration \(app.yaml: 40 KB of YAML`
}
