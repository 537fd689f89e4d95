// A code generator kept under hack/, the Kubernetes convention for tools that are never
// deployed: its main is not the startup of a service.
package main

func main() { render(nil) }

func render(sections []string) []string {
	var pages []string
	for _, s := range sections {
		pages = append(pages, s)
	}
	return pages
}
