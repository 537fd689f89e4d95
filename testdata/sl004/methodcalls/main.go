package main

import "example.com/methodcalls/internal/server"

// gofmt keeps the dot at the end of the line when a selector is split: the call is
// still `.Start`, and the path to the load must be found through it.
func main() {
	srv := server.New()
	srv.
		Start()
}
