// A name declared again in an inner scope is another variable, of its own type: `serve` is
// a command in main's block and the server inside the case that runs it.
package main

import (
	"net/http"
	"os"

	"example.com/shadowing/registry"
)

type command struct{ name string }

func register() *command { return &command{name: "serve"} }

// Named like the server's method: only the variable's type tells which one runs.
func (c *command) start() { commandOnly(os.Args) }

type server struct{ args []string }

func newServer() (*server, error) { return &server{args: os.Args}, nil }

func (s *server) start() { serverBoot(s.args); _ = http.ListenAndServe(":8080", nil) }

func main() {
	// The right side's `registry` is still the package; the local is the registry from then on.
	registry := registry.New()
	_ = registry.Webhooks()
	serve := register()
	switch os.Args[1] {
	case serve.name:
		serve, err := newServer()
		if err != nil {
			return
		}
		serve.start()
	}
	// Out of the case: the command again.
	serve.start()
}

func serverBoot(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func commandOnly(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
