// A program that hands a listener on the loopback address to a server type of its own,
// whose Serve hands on what it is given: which listener that is, is not followed, so it serves.
package main

import (
	"net"
	"net/http"
	"os"
)

type server struct{}

func (s *server) Serve(l net.Listener) {
	prepared(os.Args)
	_ = http.Serve(l, nil)
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:9000")
	if err != nil {
		return
	}
	s := &server{}
	s.Serve(ln)
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
