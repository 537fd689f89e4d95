// A server: what its packages do while they initialize delays its readiness.
package main

import (
	"net/http"

	"example.com/programs/assets"
	"example.com/programs/shared"
)

func main() {
	http.Handle("/", assets.Handler(shared.Version))
	http.ListenAndServe(":8080", nil)
}
