// A server that logs its listener's address and closes it when serving ends: its own accept
// loop is a module function, so the listen serves.
package main

import (
	"log"
	"net"
	"os"
)

func main() {
	prepared(os.Args)
	listener, err := net.Listen("tcp", ":7000")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", listener.Addr())
	defer listener.Close()
	accept(listener)
}

func accept(listener net.Listener) {
	for {
		conn, err := listener.Accept()
		if err != nil {
			return
		}
		_ = conn.Close()
	}
}

func prepared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
