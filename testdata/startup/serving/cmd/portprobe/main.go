// A CLI that asks the system for a free port before a port-forward: it listens and closes
// the listener at once, so it serves nothing and its work is no service's startup.
package main

import (
	"net"
	"os"
	"strconv"
)

func main() {
	port := freePort()
	forwarded(append(os.Args, strconv.Itoa(port)))
	_ = deferredProbe()
}

func freePort() int {
	listener, err := net.Listen("tcp", ":0")
	if err != nil {
		return 0
	}
	_, port, _ := net.SplitHostPort(listener.Addr().String())
	if err := listener.Close(); err != nil {
		return 0
	}
	n, _ := strconv.Atoi(port)
	return n
}

func deferredProbe() int {
	listener, err := net.ListenTCP("tcp", &net.TCPAddr{})
	if err != nil {
		return 0
	}
	defer listener.Close()
	return listener.Addr().(*net.TCPAddr).Port
}

func forwarded(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
