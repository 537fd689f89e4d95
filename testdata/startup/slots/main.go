// Function values kept in a data structure run where the structure is called through: a
// migration list of the project's own, a registry map filled by init functions, and methods
// on the elements of a struct's map field.
package main

import (
	"context"
	"net/http"

	"example.com/slots/hooks"
	"example.com/slots/migrate"
	_ "example.com/slots/plugins"
	"example.com/slots/store"
)

func main() {
	migrate.Run(context.Background(), &migrate.DB{})
	hooks.RunAll()
	s := store.New()
	s.CopyAll()
	// Run per request, or for the life of the process: not startup code.
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		hooks.RunLater()
		s.ExportAll()
	})
	go hooks.RunQueued()
}
