// A service: with the collector off for its whole life, its heap only grows.
package main

import (
	"net/http"
	"runtime/debug"
)

func init() {
	debug.SetGCPercent(-1) // want "SL007: debug.SetGCPercent\\(-1\\) turns the garbage collector off and nothing restores it"
}

func main() {
	_ = http.ListenAndServe(":8080", nil)
}
