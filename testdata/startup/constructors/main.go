// Values declared with an error or a flag beside them (`f, err := filter.New(...)`) have
// the type of the constructor's first result: their methods run where they are called.
package main

import (
	"net/http"

	"example.com/constructors/filter"
)

func main() {
	f, err := filter.New([]string{"a"})
	if err != nil {
		panic(err)
	}
	f.Status()
	if g, ok := lookup("b"); ok {
		g.Found()
	}
	http.HandleFunc("/", serve)
}

func lookup(name string) (filter.Filter, bool) { return filter.Lookup(name) }

func serve(w http.ResponseWriter, r *http.Request) {
	f, _ := filter.New(nil)
	f.Late()
}
