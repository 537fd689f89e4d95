package catalog

import (
	"iter"
	"os"
	"strings"
)

type Config struct {
	Routes  []Route
	Limits  map[string]int
	Workers int
	Next    *Config
}

type Route struct {
	Path    string
	Methods []string
}

type Registry struct {
	byName map[string]Route
	feed   chan Route
}

func (r *Registry) All() iter.Seq[Route] { return nil }

func (r *Registry) Snapshot() []Route { return nil }

var defaultRoutes = []Route{{Path: "/"}}

func loadRoutes() ([]Route, error) { return nil, nil }

func overArray() []int {
	var counts [4]int
	var out []int // want "SL003: make\\(\\[\\]int, 0, len\\(counts\\)\\)"
	for _, c := range counts {
		out = append(out, c)
	}
	return out
}

func overMap(limits map[string]int) []string {
	var keys []string // want "SL003: range over limits.*make\\(\\[\\]string, 0, len\\(limits\\)\\)"
	for k := range limits {
		keys = append(keys, k)
	}
	return keys
}

func overString(s string) []rune {
	var runes []rune // want "SL003: make\\(\\[\\]rune, 0, len\\(s\\)\\)"
	for _, r := range s {
		runes = append(runes, r)
	}
	return runes
}

func overIntegerLiteral() []int {
	var ports []int // want "SL003: make\\(\\[\\]int, 0, 10\\)"
	for i := range 10 {
		ports = append(ports, 8000+i)
	}
	return ports
}

func overIntegerVariable(n int) []int {
	var ports []int // want "SL003: make\\(\\[\\]int, 0, n\\)"
	for i := range n {
		ports = append(ports, 8000+i)
	}
	return ports
}

func overLiteral() []string {
	var paths []string // want "SL003: make\\(\\[\\]string, 0, 3\\)"
	for _, p := range []string{"/a", "/b", "/c"} {
		paths = append(paths, "/api"+p)
	}
	return paths
}

func overField(cfg *Config) []string {
	var paths []string // want "SL003: make\\(\\[\\]string, 0, len\\(cfg.Routes\\)\\)"
	for _, r := range cfg.Routes {
		paths = append(paths, r.Path)
	}
	return paths
}

func overNestedField(cfg Config) []string {
	var paths []string // want "SL003: make\\(\\[\\]string, 0, len\\(cfg.Next.Routes\\)\\)"
	for _, r := range cfg.Next.Routes {
		paths = append(paths, r.Path)
	}
	return paths
}

func overIntField(cfg *Config) []int {
	var ids []int // want "SL003: make\\(\\[\\]int, 0, cfg.Workers\\)"
	for i := range cfg.Workers {
		ids = append(ids, i)
	}
	return ids
}

func overRangeVariable(cfg *Config) [][]string {
	var all [][]string // want "SL003: make\\(\\[\\]\\[\\]string, 0, len\\(cfg.Routes\\)\\)"
	for _, r := range cfg.Routes {
		var methods []string // want "SL003: make\\(\\[\\]string, 0, len\\(r.Methods\\)\\)"
		for _, m := range r.Methods {
			methods = append(methods, strings.ToUpper(m))
		}
		all = append(all, methods)
	}
	return all
}

func overPackageVar() []string {
	var paths []string // want "SL003: make\\(\\[\\]string, 0, len\\(defaultRoutes\\)\\)"
	for _, r := range defaultRoutes {
		paths = append(paths, r.Path)
	}
	return paths
}

func overLocalFromResult() ([]string, error) {
	routes, err := loadRoutes()
	if err != nil {
		return nil, err
	}
	var paths []string // want "SL003: make\\(\\[\\]string, 0, len\\(routes\\)\\)"
	for _, r := range routes {
		paths = append(paths, r.Path)
	}
	return paths, nil
}

func overMethodResult(reg *Registry) []string {
	var paths []string // want "SL003: len\\(items\\)\\) after storing reg.Snapshot\\(\\) in a variable items"
	for _, r := range reg.Snapshot() {
		paths = append(paths, r.Path)
	}
	return paths
}

func overUnexportedField(reg *Registry) []Route {
	var routes []Route // want "SL003: make\\(\\[\\]Route, 0, len\\(reg.byName\\)\\)"
	for _, r := range reg.byName {
		routes = append(routes, r)
	}
	return routes
}

func overLibrarySlice(spec string) []string {
	parts := strings.Split(spec, ",")
	var trimmed []string // want "SL003: make\\(\\[\\]string, 0, len\\(parts\\)\\)"
	for _, p := range parts {
		trimmed = append(trimmed, strings.TrimSpace(p))
	}
	return trimmed
}

func overArgs() []string {
	var flags []string // want "SL003: len\\(os.Args\\[1:\\]\\)"
	for _, a := range os.Args[1:] {
		flags = append(flags, a)
	}
	return flags
}

func overIndexed(groups map[string][]Route) []string {
	var paths []string // want "SL003: len\\(groups\\[\"api\"\\]\\)"
	for _, r := range groups["api"] {
		paths = append(paths, r.Path)
	}
	return paths
}

func variadic(names ...string) []string {
	var out []string // want "SL003: len\\(names\\)"
	for _, n := range names {
		out = append(out, "x-"+n)
	}
	return out
}

// Not flagged: the length is not known before the loop.
func overChannel(reg *Registry) []Route {
	var routes []Route
	for r := range reg.feed {
		routes = append(routes, r)
	}
	return routes
}

func overIterator(reg *Registry) []Route {
	var routes []Route
	for r := range reg.All() {
		routes = append(routes, r)
	}
	return routes
}

func overMethodValue(reg *Registry) []Route {
	var routes []Route
	for r := range reg.All {
		routes = append(routes, r)
	}
	return routes
}

func overFuncParam(each func(yield func(Route) bool)) []Route {
	var routes []Route
	for r := range each {
		routes = append(routes, r)
	}
	return routes
}

func overSeqParam(seq iter.Seq2[string, Route]) []Route {
	var routes []Route
	for _, r := range seq {
		routes = append(routes, r)
	}
	return routes
}

func overLocalChannel() []int {
	ch := make(chan int)
	var got []int
	for v := range ch {
		got = append(got, v)
	}
	return got
}

// The type comes from another file or package: unknown, so not flagged.
func overUnknown(store Store) []string {
	var keys []string
	for _, k := range store.Keys {
		keys = append(keys, k)
	}
	return keys
}

func overUnknownCall() []string {
	var keys []string
	for k := range fetchKeys() {
		keys = append(keys, k)
	}
	return keys
}

func overTypeParameter[S ~[]E, E any](s S) []E {
	var out []E
	for _, v := range s {
		out = append(out, v)
	}
	return out
}

// A local variable shadows the package-level slice with a channel.
func shadowedByChannel(defaultRoutes chan Route) []Route {
	var routes []Route
	for r := range defaultRoutes {
		routes = append(routes, r)
	}
	return routes
}

type Set struct{ m map[string]int }

// The second slice's loop comes after the first one's, which does not use it.
func (s *Set) sameKeys(raw any) bool {
	other, ok := raw.(*Set)
	if !ok {
		return false
	}
	mine := make([]string, 0) // want "SL003: make\\(\\[\\]string, 0, len\\(s.m\\)\\)"
	theirs := make([]string, 0) // want "SL003: make\\(\\[\\]string, 0, len\\(other.m\\)\\)"
	for k := range s.m {
		mine = append(mine, k)
	}
	for k := range other.m {
		theirs = append(theirs, k)
	}
	return len(mine) == len(theirs)
}

func overClampedSlice(names []string, limit int) []string {
	var shown []string // want "SL003: make\\(\\[\\]string, 0, len\\(names\\[:min\\(len\\(names\\), limit\\)\\]\\)\\)"
	for _, n := range names[:min(len(names), limit)] {
		shown = append(shown, n)
	}
	return shown
}
