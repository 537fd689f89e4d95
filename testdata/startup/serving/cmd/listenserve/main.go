// A server that prints where it listens and hands the listener to net/http, closing it when
// serving ends: between the listen and the close it serves, so the listen is no probe.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

func main() {
	prepared(os.Args)
	listener, err := net.Listen("tcp", ":7001")
	if err != nil {
		return
	}
	fmt.Println("listening")
	defer listener.Close()
	_ = http.Serve(listener, nil)
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
