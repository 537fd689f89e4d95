// A service whose API serves from a goroutine while main blocks on a debug endpoint on the
// loopback address: what follows that blocking call runs once the program stops, not at startup.
package main

import (
	"net/http"
	"os"
)

func main() {
	go serveAPI()
	err := http.ListenAndServe("127.0.0.1:6060", nil)
	shutdown(err)
}

func serveAPI() { _ = http.ListenAndServe(":8080", nil) }

func shutdown(err error) {
	var notes []string
	for _, x := range os.Args {
		notes = append(notes, x)
	}
	_ = notes
	_ = err
}
