// Serves through a module method called on an interface: every module method of the name may run.
package main

import "example.com/serving/server"

func main() {
	configured(nil)
	var s server.Runner = server.New(":8080")
	_ = s.Start()
}

func configured(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
