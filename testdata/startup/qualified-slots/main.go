// A function value kept in a field of another package's struct literal (`server.Options{
// Prepare: warm}`) runs where that package calls the field; one kept by another package's
// option through a parameter of that package's named function type runs there too.
package main

import (
	"os"

	"example.com/qualified/server"
)

func main() {
	s := server.New(server.Options{Prepare: warm, Later: flush})
	keep(s, server.Hook(hooked))
	s.Start()
}

// The parameter's type is another package's function type: the value it holds is kept.
func keep(s *server.Server, h server.Hook) { s.Hooks = append(s.Hooks, h) }

func warm() {
	var out []string // want "SL003"
	for _, a := range os.Args {
		out = append(out, a)
	}
	_ = out
}

func hooked() {
	var out []string // want "SL003"
	for _, a := range os.Args {
		out = append(out, a)
	}
	_ = out
}

// Kept, never called at startup.
func flush() {
	var out []string
	for _, a := range os.Args {
		out = append(out, a)
	}
	_ = out
}
