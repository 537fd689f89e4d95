// A CLI's check that the ports it needs are free: it listens, notes each port in use, and
// closes the listener at once, so it serves nothing and its work is no service's startup.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	warnings := portsInUse([]int{8080, 9090})
	_ = collected(append(os.Args, warnings...))
}

func portsInUse(ports []int) []string {
	var warnings []string
	for _, port := range ports {
		listener, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("port %d is in use", port))
		} else {
			_ = listener.Close()
		}
	}
	return warnings
}

func collected(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
