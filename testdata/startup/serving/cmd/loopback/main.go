// A CLI that takes an OAuth callback on the loopback address, then does its batch work: no
// probe reaches a server on 127.0.0.1 (the kubelet's come to the pod's address), so the
// program serves nothing and its work is no service's startup.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

func main() {
	_ = collected(os.Args)
	fmt.Println(callback(0))
}

func callback(port int) string {
	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return ""
	}
	defer listener.Close()
	go http.Serve(listener, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	return listener.Addr().String()
}

func collected(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
