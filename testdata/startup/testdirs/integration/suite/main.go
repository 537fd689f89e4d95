// A module nested under a test directory is test code too.
package main

func main() { load(nil) }

func load(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
