package main

import (
	"encoding/json"
	"net/http"
	"os"
	"sync"
)

var (
	setupOnce sync.Once
	settings  map[string]string
)

// main runs once, at startup: a Do there is not deferred to a first request.
func main() {
	setupOnce.Do(func() { settings = readSettings() })
	serve()
	http.HandleFunc("/", handle)
	_ = http.ListenAndServe(":8080", nil)
}

// serve is called from main: its Do fires during startup (the startup model reaches it), so
// nothing is postponed.
func serve() {
	setupOnce.Do(func() { settings = readSettings() })
}

// handle runs per request, after startup: its Do is the first request's.
func handle(w http.ResponseWriter, r *http.Request) {
	setupOnce.Do(func() { settings = readSettings() }) // want "SL002: setupOnce.Do sets package-level settings"
}

func readSettings() map[string]string {
	data, _ := os.ReadFile("settings.json")
	var m map[string]string
	_ = json.Unmarshal(data, &m)
	return m
}
