// A developer's tool under cmd/tools/, run by hand against a data directory: never deployed.
package main

func main() { dump(nil) }

func dump(entries []string) []string {
	var lines []string
	for _, e := range entries {
		lines = append(lines, e)
	}
	return lines
}
