// A service whose listener variable first holds a debug listener on the loopback address, then
// its API's TLS listener: the second serve is on every address, so it serves.
package main

import (
	"crypto/tls"
	"net"
	"net/http"
	"os"
)

func main() {
	prepared(os.Args)
	ln, err := net.Listen("tcp", "127.0.0.1:6060")
	if err != nil {
		return
	}
	go http.Serve(ln, nil)
	ln, err = tls.Listen("tcp", ":8443", &tls.Config{})
	if err != nil {
		return
	}
	_ = http.Serve(ln, nil)
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
