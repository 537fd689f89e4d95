// fx: constructors given to fx.Provide and functions given to fx.Invoke run at startup.
package main

import "go.uber.org/fx"

type Store struct{ keys []string }

func NewStore() *Store { return &Store{keys: provided(nil)} }

func register(s *Store) { invoked(s.keys) }

func main() {
	fx.New(fx.Provide(NewStore), fx.Invoke(register)).Run()
}

func provided(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func invoked(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
