// A service with a debug endpoint on the loopback address and its API on a TLS listener:
// the API's serve is not on the loopback listener, so it serves and its startup counts.
package main

import (
	"crypto/tls"
	"net"
	"net/http"
	"os"
)

func main() {
	prepared(os.Args)
	debug, err := net.Listen("tcp", "127.0.0.1:6060")
	if err != nil {
		return
	}
	go http.Serve(debug, nil)
	api, err := tls.Listen("tcp", ":8443", &tls.Config{})
	if err != nil {
		return
	}
	_ = http.Serve(api, nil)
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
