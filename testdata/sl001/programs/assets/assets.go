// Imported by the server.
package assets

import (
	"net/http"
	"os"
)

var page []byte

func init() {
	page, _ = os.ReadFile("/srv/index.html") // want "SL001: os.ReadFile in func init reads a file"
}

func Handler(version string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
}
