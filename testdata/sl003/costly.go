package main

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	stdjson "encoding/json"
	"sync"
)

type Site struct{ Name, Dir string }

// Each iteration does far costlier work than the regrowth of the slice (a file read, a temporary
// directory, a JSON round trip, a process): preallocating would save nothing worth a change.
func costlyIterations() ([]string, []Site, []string) {
	entries, _ := os.ReadDir("sites")
	var contents []string
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join("sites", e.Name()))
		contents = append(contents, string(data))
	}

	raw, _ := os.ReadFile("sites.json")
	var configured map[string]Site
	_ = json.Unmarshal(raw, &configured)
	var sites []Site
	for name := range configured {
		dir, _ := os.MkdirTemp("", name)
		sites = append(sites, Site{Name: name, Dir: dir})
	}

	var copies []Site
	for _, site := range configured {
		encoded, _ := stdjson.Marshal(site)
		var copied Site
		_ = stdjson.Unmarshal(encoded, &copied)
		copies = append(copies, copied)
	}
	_ = copies

	var versions []string
	for name := range configured {
		out, _ := exec.Command("tool", "version", name).Output()
		versions = append(versions, string(out))
	}
	return contents, sites, versions
}

type codec struct{}

func (codec) Marshal(v any) ([]byte, error) { return nil, nil }

// A local named like a package is not that package: its Marshal costs what it costs here.
func shadowedPackageName() []string {
	raw, _ := os.ReadFile("names.json")
	var names []string
	_ = json.Unmarshal(raw, &names)
	var encoded []string // want "SL003: encoded starts empty .* range over names \\(input read at run time by json.Unmarshal\\)"
	for _, name := range names {
		json := codec{}
		b, _ := json.Marshal(name)
		encoded = append(encoded, string(b))
	}
	return encoded
}

type probe struct{ root string }

func (p probe) healthy(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func (p probe) label(path string) string { return filepath.Base(path) }

func present(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// A function or method of this file that does such work itself costs as much as calling it
// here; one that does not, or a local of its name, is no such call.
func costlyThroughOwnFunctions(p probe) ([]bool, []bool, []string, []bool) {
	matches, _ := filepath.Glob("devices/*")
	var states []bool
	for _, m := range matches {
		states = append(states, p.healthy(m))
	}
	var found []bool
	for _, m := range matches {
		found = append(found, present(m))
	}
	var labels []string // want "SL003: labels starts empty .* range over matches \\(input read at run time by filepath.Glob\\)"
	for _, m := range matches {
		labels = append(labels, p.label(m))
	}
	present := func(string) bool { return true }
	var assumed []bool // want "SL003: assumed starts empty .* range over matches"
	for _, m := range matches {
		assumed = append(assumed, present(m))
	}
	return states, found, labels, assumed
}

type rule struct{ Name string }

func (rule) Validate() error { return nil }

type loader struct{}

func (loader) Validate() error {
	_, err := os.Stat("rules")
	return err
}

func (loader) Load(name string) ([]byte, error) { return os.ReadFile(name) }

// A method of this file is known by its receiver's type: another type's method of that name,
// here or in the standard library (a sync.Map's Load), costs what it costs.
func methodsOfOtherTypes(seen *sync.Map) ([]error, []any) {
	raw, _ := os.ReadFile("rules.json")
	var rules []rule
	_ = json.Unmarshal(raw, &rules)
	var problems []error // want "SL003: problems starts empty .* range over rules"
	for _, r := range rules {
		problems = append(problems, r.Validate())
	}
	var loaded []any // want "SL003: loaded starts empty .* range over rules"
	for _, r := range rules {
		v, _ := seen.Load(r.Name)
		loaded = append(loaded, v)
	}
	return problems, loaded
}

func reader(path string) func() ([]byte, error) {
	return func() ([]byte, error) { return os.ReadFile(path) }
}

// A function of this file that returns a closure doing such work costs the closure.
func closuresReturned() []func() ([]byte, error) {
	matches, _ := filepath.Glob("conf.d/*")
	var readers []func() ([]byte, error) // want "SL003: readers starts empty .* range over matches"
	for _, m := range matches {
		readers = append(readers, reader(m))
	}
	return readers
}

func withLock(run func()) { run() }

func readLocked(path string) (data []byte) {
	withLock(func() { data, _ = os.ReadFile(path) })
	return data
}

// A function literal the function hands on to be run in place reads here.
func closuresRunInPlace() [][]byte {
	matches, _ := filepath.Glob("conf.d/*")
	var contents [][]byte
	for _, m := range matches {
		contents = append(contents, readLocked(m))
	}
	return contents
}

func prefetch(path string) string {
	go func() { _, _ = os.ReadFile(path) }()
	return path
}

// One it starts with `go` reads elsewhere: the call costs a goroutine's start.
func closuresStarted() []string {
	matches, _ := filepath.Glob("conf.d/*")
	var started []string // want "SL003: started starts empty .* range over matches"
	for _, m := range matches {
		started = append(started, prefetch(m))
	}
	return started
}

type job struct{ run func() error }

func handlerFor(path string) http.HandlerFunc {
	return http.HandlerFunc(func(http.ResponseWriter, *http.Request) { _, _ = os.ReadFile(path) })
}

func jobFor(path string) job {
	load := func() error { _, err := os.Stat(path); return err }
	return job{run: load}
}

func poll(run func()) { run() }

func pollLater(path string) string {
	go poll(func() { _, _ = os.ReadFile(path) })
	return path
}

// Literals returned inside a call, stored, or handed to a goroutine read later, or never.
func closuresKeptForLater() ([]http.HandlerFunc, []job, []string) {
	matches, _ := filepath.Glob("conf.d/*")
	var handlers []http.HandlerFunc // want "SL003: handlers starts empty .* range over matches"
	for _, m := range matches {
		handlers = append(handlers, handlerFor(m))
	}
	var jobs []job // want "SL003: jobs starts empty .* range over matches"
	for _, m := range matches {
		jobs = append(jobs, jobFor(m))
	}
	var polled []string // want "SL003: polled starts empty .* range over matches"
	for _, m := range matches {
		polled = append(polled, pollLater(m))
	}
	return handlers, jobs, polled
}
