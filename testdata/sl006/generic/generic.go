// Package generic loads configuration with type parameters.
package generic

import vp "github.com/spf13/viper"

// Options is named like a config struct, but nothing loads configuration into it and it
// is not used in package main: not a config struct.
type Options[T any] struct {
	Name  string
	Value T
}

// NewOptions is compiled (and its escapes reported) where it is instantiated.
func NewOptions[T any](name string, value T) *Options[T] {
	return &Options[T]{Name: name, Value: value}
}

// Load decodes into a T: the compiler reports new(<node DYNAMICTYPE>), a type
// parameter, which names no config struct, so nothing is reported here.
func Load[T any](key string) (*T, error) {
	t := new(T)
	err := vp.UnmarshalKey(key, t)
	return t, err
}
