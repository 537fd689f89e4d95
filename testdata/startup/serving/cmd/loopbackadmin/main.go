// A service with an admin endpoint on the loopback address beside its API on every address:
// the API serves, so its startup counts.
package main

import (
	"net/http"
	"os"
)

func main() {
	prepared(os.Args)
	go func() { _ = http.ListenAndServe("localhost:6060", nil) }()
	_ = http.ListenAndServe(":8080", nil)
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
