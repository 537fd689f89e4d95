package config

import (
	"io"
	"os"
	"strings"
)

var registry = func() []string {
	var out []string
	for i := 0; i < 10; i++ {
		out = append(out, "x") // 10 iterations: below min-literal-elements
	}
	return out
}()

func init() {
	listing, _ := io.ReadAll(os.Stdin) // want "SL001: io.ReadAll in func init"
	for _, s := range strings.Fields(string(listing)) {
		func() {
			names = append(names, "y") // want "SL001: append inside a loop"
		}()
		register := func() { names = append(names, "z") }
		_ = register
	}
	for names = append(names, "w"); len(names) < 3; { // the init clause runs once
		break
	}
}

var goPaths []string

// A slice made with its final capacity is not reallocated while it fits.
func init() {
	data, _ := os.ReadFile("gopaths") // want "SL001: os.ReadFile in func init"
	goPaths := strings.Split(string(data), ":")
	srcPaths := make([]string, 0, len(goPaths))
	for _, p := range goPaths {
		srcPaths = append(srcPaths, p+"/src")
	}
	noCapacity := make([]string, 0)
	for _, p := range goPaths {
		noCapacity = append(noCapacity, p) // want "SL001: append inside a loop"
	}
	for _, p := range goPaths {
		later = append(later, p) // want "SL001: append inside a loop"
	}
	later = make([]string, 0, 10)
	for _, p := range goPaths {
		prepared = append(prepared, p)
	}
}

var later []string

var prepared = make([]string, 0, 16)
