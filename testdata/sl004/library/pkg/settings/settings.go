// Package settings is a library: its callers live in other modules, so no entry point
// of this module reaches the loads and nothing is reported.
package settings

import "github.com/spf13/viper"

type Loader struct {
	v *viper.Viper
}

func New() *Loader {
	return &Loader{v: viper.New()}
}

func (l *Loader) Load() error {
	return l.v.ReadInConfig()
}

func LoadGlobal() error {
	return viper.ReadInConfig()
}

// init is a method here, not a package initializer: no program starts at it.
func (l *Loader) init() {
	_ = l.v.MergeInConfig()
}
