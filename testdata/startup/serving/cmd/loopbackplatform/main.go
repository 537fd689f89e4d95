// A service that listens on the loopback address on macOS, for development, and on every
// address on Linux, where it runs in a pod: it serves.
package main

import "os"

func main() {
	prepared(os.Args)
	serve(os.Getenv("PORT"))
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
