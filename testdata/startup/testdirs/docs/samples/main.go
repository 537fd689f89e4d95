// A sample program kept with the documentation: never deployed.
package main

func main() { sample(nil) }

func sample(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
