// Package generic loads configuration with type parameters.
package generic

import vp "github.com/spf13/viper"

// Options is named like a config struct; nothing loads configuration into it, but
// NewOptions is inlined into main, which makes it a config struct there.
type Options[T any] struct {
	Name  string
	Value T
}

// NewOptions is compiled (and its escapes reported) where it is instantiated.
func NewOptions[T any](name string, value T) *Options[T] {
	return &Options[T]{Name: name, Value: value} // want "SL006: config struct &Options\\[T\\]\\{...\\} escapes to heap: it is returned from NewOptions \\(a config struct: its name ends in Options, used on the startup path\\)"
}

// Load decodes into a T: the compiler reports new(<node DYNAMICTYPE>), a type
// parameter, which names no config struct, so nothing is reported here.
func Load[T any](key string) (*T, error) {
	t := new(T)
	err := vp.UnmarshalKey(key, t)
	return t, err
}
