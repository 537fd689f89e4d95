// A batch tool: it never serves, so nothing of it is startup.
package main

import "os"

func main() {
	converted(os.Args)
}

func converted(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
