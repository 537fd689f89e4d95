// A program under a test directory that imports no testing package: test code by location.
package main

func main() { load(nil) }

func load(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
