// A check a function makes only when a parameter is a non-empty string does not run at
// startup when every startup call passes "" there: helix's controller asks for its default
// client with no model, so the model list is never fetched then, only per request.
package main

import (
	"net/http"
	"os"
)

type client struct{ models []string }

func getClient(provider, model string, strict bool) *client {
	c := &client{models: os.Args}
	if strict && model != "" {
		checkModel(c, model)
	}
	if "" != provider {
		checkProvider(c)
	}
	return c
}

func checkModel(c *client, model string) []string {
	var found []string
	for _, m := range c.models {
		found = append(found, m)
	}
	return found
}

// Reached: a startup call names a provider.
func checkProvider(c *client) []string {
	var found []string // want "SL003"
	for _, m := range c.models {
		found = append(found, m)
	}
	return found
}

// The model set again before the check: it may hold anything by then.
func defaulted(model string) {
	if model == "" {
		model = os.Getenv("MODEL")
	}
	if model != "" {
		checkDefaulted(os.Args)
	}
}

func checkDefaulted(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Given "" by one startup call and a value by another: the check runs.
func twice(name string) {
	if name != "" {
		checkTwice(os.Args)
	}
}

func checkTwice(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// A guard inside a function literal names the outer parameter: what the literal's own
// callers pass says nothing of it.
func setup(model string) {
	check := func(name string) {
		if model != "" {
			loadForLiteral(os.Args)
		}
	}
	check("")
}

func loadForLiteral(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Blank parameters keep their positions: "" goes to the second blank, not to model.
func blanks(_, _ string, model string) {
	if model != "" {
		loadForBlanks(os.Args)
	}
}

func loadForBlanks(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

type modelName string

func (m *modelName) fill() { *m = modelName(os.Getenv("MODEL")) }

// A method with a pointer receiver may set the parameter.
func pointerMethod(model modelName) {
	model.fill()
	if model != "" {
		loadForPointer(os.Args)
	}
}

func loadForPointer(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// An exported method may be called by a library with any value: flag.Parse calls Set.
type modelFlag struct{ value string }

func (f *modelFlag) String() string { return f.value }

func (f *modelFlag) Set(v string) error {
	if v != "" {
		loadForFlag(os.Args)
	}
	f.value = v
	return nil
}

func loadForFlag(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// An early return when a parameter is empty guards what follows it in its block, and only
// that: the loads before it, and the one after the block it returns from, run.
func lookup(name, region, zone string, verbose bool) {
	loadBeforeReturn(os.Args)
	if verbose {
		if "" == region || zone == "" {
			// nothing to report
			return
		}
		loadForRegion(os.Args)
	}
	loadAfterBlock(os.Args)
	if name == "" {
		return
	}
	loadForLookup(os.Args)
}

// A goto may jump past the early return: what follows its label runs whatever name holds.
func jumping(name string) {
	if len(os.Args) > 1 {
		goto load
	}
	if name == "" {
		return
	}
load:
	loadAfterJump(os.Args)
}

func loadAfterJump(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// A goto back to a label before the early return jumps past nothing: the guard holds.
func retrying(name string) {
	attempts := 0
retry:
	attempts++
	if name == "" {
		return
	}
	if attempts < 0 {
		goto retry
	}
	loadAfterRetry(os.Args)
}

func loadAfterRetry(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// A goto after the early return runs only once past it: the guard holds.
func skipping(name string, quick bool) {
	if name == "" {
		return
	}
	if quick {
		goto done
	}
	loadAfterSkip(os.Args)
done:
	println("done")
}

func loadAfterSkip(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// A body that does not end in a return guards nothing after it.
func logged(name string) {
	if name == "" {
		println("no name")
	}
	loadAfterLog(os.Args)
}

func loadBeforeReturn(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func loadForLookup(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func loadForRegion(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func loadAfterBlock(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func loadAfterLog(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func handle(w http.ResponseWriter, r *http.Request) {
	getClient("", r.URL.Query().Get("model"), true)
}

func main() {
	getClient("", "", true)
	getClient("openai", "", false)
	defaulted("")
	twice("")
	twice(os.Args[0])
	setup("gpt")
	blanks("a", "", "gpt")
	pointerMethod("")
	flags := &modelFlag{}
	_ = flags.Set("")
	lookup("", "eu", "", true)
	logged("")
	jumping("")
	retrying("")
	skipping("", true)
	http.HandleFunc("/chat", handle)
	_ = http.ListenAndServe(":8080", nil)
}
