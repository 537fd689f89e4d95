// A server importing the catalog: its initialization delays the server's readiness.
package main

import (
	"net/http"

	_ "example.com/crosspackage/catalog"
)

func main() {
	http.ListenAndServe(":8080", nil)
}
