// Package testharness drives the service in its tests (builds it, starts it, holds the
// test's *testing.T): test support under its own name, never linked into the service.
package testharness

import "testing"

type H struct{ T *testing.T }

// Its initializer is no service's startup.
var hosts = expand([]string{"a", "b"})

func expand(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x+".test")
	}
	return out
}
