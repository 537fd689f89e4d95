// Functional options: the closures the option constructors return run where the server
// applies them, at startup; an option only kept for later does not run.
package main

import (
	"encoding/json"
	"io"
	"strings"
)

type server struct{ config map[string]any }

type option func(*server)

func withConfig(text string) option {
	return func(s *server) { s.config = parse(text) }
}

func withHook(text string) option {
	return func(s *server) { s.config = parseHook(text) }
}

func newServer(addr string, opts ...option) *server {
	s := &server{}
	for _, o := range opts {
		o(s)
	}
	return s
}

// remember keeps its options for a later request.
func remember(opts ...option) []option { return opts }

var deferred = remember(withHook("{}"))

func main() {
	newServer(":80", withConfig("{}"))
}

func parse(text string) map[string]any {
	data, _ := io.ReadAll(strings.NewReader(text))
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
	return v
}

func parseHook(text string) map[string]any {
	data, _ := io.ReadAll(strings.NewReader(text))
	var v []any
	_ = json.Unmarshal(data, &v)
	return v
}
