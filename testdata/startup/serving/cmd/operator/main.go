// The server comes back as the second result of a constructor: its Start serves.
package main

import "example.com/serving/server"

func main() {
	name, srv := server.WithContext(":8080")
	register(name, nil)
	_ = srv.Start()
}

func register(name string, in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, name+x)
	}
	return out
}
