package main

import (
	"bytes"
	_ "embed"

	"github.com/spf13/viper"
)

//go:embed defaults.yaml
var defaults []byte

// ReadConfig of embedded data: the size of the embedded file.
func main() {
	viper.SetConfigType("yaml")
	_ = viper.ReadConfig(bytes.NewReader(defaults)) // want `SL004: viper.ReadConfig loads configuration \(embedded/defaults.yaml: 40 KB of YAML`
}
