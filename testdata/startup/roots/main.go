// Every kind of root: main, init, a package-level var initializer, and a function
// literal such an initializer calls in place.
package main

import "example.com/roots/lib"

var names = fromVar([]string{"a"})

var table = func() []string {
	return fromLiteral([]string{"b"})
}()

func init() {
	fromInit(nil)
}

func main() {
	fromMain(nil)
	lib.Used(nil)
}

func fromMain(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func fromInit(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func fromVar(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func fromLiteral(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func neverCalled(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
