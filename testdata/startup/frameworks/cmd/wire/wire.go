//go:build wireinject

package main

import "github.com/google/wire"

// The injector's template (built only by the wire tool): wire_gen.go holds what runs.
func initializeApp() *App {
	wire.Build(NewApp)
	return nil
}

func unused(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
