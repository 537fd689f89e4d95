// `test` is not in the configured test-dirs: production code.
package main

func main() { load(nil) }

func load(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
