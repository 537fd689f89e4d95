// Function values kept in a data structure run where the structure is called through: a
// migration list of the project's own, a registry map filled by init functions, and methods
// on the elements of a struct's map field. Each program calls its own, so that the files of
// its path are found only through the container (see completion.complete).
package main

import (
	"net/http"

	"example.com/slots/hooks"
	_ "example.com/slots/plugins"
	"example.com/slots/store"
)

func main() {
	s := store.New()
	s.CopyAll()
	// Run per request, or for the life of the process: not startup code.
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hooks.RunLater()
		s.ExportAll()
	})
	go hooks.RunQueued()
}
