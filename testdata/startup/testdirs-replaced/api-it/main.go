// `api-it` matches the configured glob `*-it`: test code, not reported.
package main

func main() { load(nil) }

func load(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
