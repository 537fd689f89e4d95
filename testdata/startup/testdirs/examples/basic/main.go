// A demo program under examples/: not the service.
package main

func main() { demo(nil) }

func demo(items []string) []string {
	var shown []string
	for _, it := range items {
		shown = append(shown, it)
	}
	return shown
}
