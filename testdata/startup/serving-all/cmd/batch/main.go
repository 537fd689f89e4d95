// A batch tool: with programs = "all", all it runs is startup.
package main

import "os"

func main() {
	converted(os.Args)
}

func converted(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
