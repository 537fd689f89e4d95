// Functional options: the closures the option constructors return run where the server
// applies them, at startup; an option only kept for later does not run.
package main

import (
	"encoding/json"
	"io"
	"strings"

	"example.com/options/runner"
	"example.com/options/server"
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
	newApp(withRun(runFrom("{}"))).start()
	newApp(withRun(runDirectly), withCleanup(cleanUp)).start()
	server.New(server.WithRun(runner.From("{}")), server.WithQuietRun(runner.Dropped),
		server.WithSilencedRun(runner.DroppedBySilence), server.WithReceivedRun(runner.DroppedByReceive)).Start()
}

// An option that keeps the function it is given (`withRun(f)` stores `f` in the app, as
// marmotedu's `app.WithRunFunc(run(opts))`): calling the field calls every function the
// option is given, a function or what a call returns.
type runFunc func(name string) error

type app struct{ run, cleanup runFunc }

type appOption func(*app)

func withRun(run runFunc) appOption {
	return func(a *app) { a.run = run }
}

func withCleanup(cleanup runFunc) appOption {
	return func(a *app) { a.cleanup = cleanup }
}

func newApp(opts ...appOption) *app {
	a := &app{}
	for _, o := range opts {
		o(a)
	}
	return a
}

// start runs the app; the cleanup it keeps is never called.
func (a *app) start() error { return a.run("app") }

func runFrom(text string) runFunc {
	return func(name string) error {
		data, _ := io.ReadAll(strings.NewReader(text + name))
		var v []any
		return json.Unmarshal(data, &v) // want "SL008"
	}
}

func runDirectly(name string) error {
	data, _ := io.ReadAll(strings.NewReader(name))
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}

func cleanUp(name string) error {
	data, _ := io.ReadAll(strings.NewReader(name))
	var v []any
	return json.Unmarshal(data, &v)
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
