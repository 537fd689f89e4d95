//go:build !windows

// One main per platform: a path through main names the file its call is in.
package main

func main() {
	prepare(nil)
}

func prepare(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
