package config

import (
	"iter"
	"regexp"
)

// Syntax of Go 1.23-1.27 parses: findings sit in the same declarations as the syntax.

type Set[T comparable] = map[T]struct{} // a generic type alias (Go 1.24)

var defaultReplicas = new(int64(1)) // new(expr) (Go 1.26)

var hostPattern = func() *regexp.Regexp {
	limit := new(len("host"))
	_ = limit
	return regexp.MustCompile(`^[a-z0-9.-]+$`) // package config compiles fewer than min-compiles patterns
}()

func names(yield func(string) bool) {}

var known = func() Set[string] {
	out := Set[string]{}
	var seq iter.Seq[string] = names
	for name := range seq { // range over a function (Go 1.23)
		out[name] = struct{}{}
	}
	for i := range 3 { // range over an integer (Go 1.22)
		_ = i
	}
	return out
}()

func init() {
	port := new(8080)
	_ = port
	var hosts []string
	for h := range names {
		hosts = append(hosts, h) // a range over an iterator function: its length is unknown
	}
}
