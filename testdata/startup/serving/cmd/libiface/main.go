// Serves through an interface of its own that net/http's server implements (loki-vl-proxy's
// `httpServer`, handed an *http.Server so that tests can stub it): the call may run the
// library's ListenAndServe.
package main

import (
	"net/http"
	"os"
)

type httpServer interface {
	ListenAndServe() error
}

func main() {
	configured(os.Args)
	serve(&http.Server{Addr: ":8080"})
}

func serve(srv httpServer) {
	_ = srv.ListenAndServe()
}

func configured(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
