package main

import "sync"

var (
	setupOnce sync.Once
	settings  map[string]string
)

// main runs once, at startup: a Do there is not deferred to a first request.
func main() {
	setupOnce.Do(func() { settings = map[string]string{} })
	serve()
}

func serve() {
	setupOnce.Do(func() { settings = map[string]string{} }) // want "SL002: setupOnce.Do sets package-level settings"
}
