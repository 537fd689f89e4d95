package main

import "example.com/methodcalls/internal/server"

// gofmt keeps the dot at the end of the line when a selector is split, and a comment may
// follow it: this is still a call of the server's Start method, and the path to the load
// must be found through it.
func main() {
	srv := server.New()
	srv. // serve until stopped
		Start()
}
