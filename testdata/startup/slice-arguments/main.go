// Function values in a slice literal passed to a call run where the callee runs them: at once
// when it ranges over its parameter and calls each, later when it only keeps the slice (a
// runner started after the leader election, here from a handler).
package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
)

type runner struct{ fns []func() }

func newRunner(fns []func()) *runner { return &runner{fns: fns} }

func (r *runner) Start() {
	for _, f := range r.fns {
		f()
	}
}

func runAll(fns []func()) {
	for _, f := range fns {
		f()
	}
}

func main() {
	r := newRunner([]func(){onLeader})
	runAll([]func(){warmCache})
	// A slice literal kept in a local and ranged over here runs here.
	for _, step := range []func(){migrate} {
		step()
	}
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { r.Start() })
	_ = http.ListenAndServe(":8080", nil)
}

func decode() map[string]any {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
	return v
}

// Runs once the runner starts, per request here: not startup code.
func onLeader() {
	data, _ := io.ReadAll(os.Stdin)
	var v []any
	_ = json.Unmarshal(data, &v)
}

func warmCache() { _ = decode() }

func migrate() {
	data, _ := io.ReadAll(os.Stdin)
	var v []string
	_ = json.Unmarshal(data, &v) // want "SL008"
}
