// A one-shot client: `resp.Body.Close()` on a value of unknown type is no call of the API
// server's Close, whose package this program never imports.
package main

import (
	"net/http"
	"os"
)

func main() {
	resp, err := fetch()
	if err != nil {
		os.Exit(1)
	}
	resp.Body.Close()
	listed(os.Args)
}

func fetch() (*http.Response, error) { return http.Get("http://localhost/") }

func listed(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
