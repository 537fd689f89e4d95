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
	warm()
	http.HandleFunc("/other", handleOther)
	http.HandleFunc("/", handle)
	_ = http.ListenAndServe(":8080", nil)
}

// serve is called from main: its Do fires during startup (the startup model reaches it), so
// nothing is postponed.
func serve() {
	setupOnce.Do(func() { settings = readSettings() })
}

// handle runs per request, after startup, but main has fired the Once already: its Do never
// runs the function.
func handle(w http.ResponseWriter, r *http.Request) {
	setupOnce.Do(func() { settings = readSettings() })
	cacheOnce.Do(func() { cache = readSettings() }) // want "SL002: cacheOnce.Do sets package-level cache"
}

var (
	cacheOnce sync.Once
	cache     map[string]string
	indexOnce sync.Once
	index     map[string]string
)

// Another handler guards the same Once with its own literal: one lazy global, one finding
// (at handle's Do, this one related).
func handleOther(w http.ResponseWriter, r *http.Request) {
	cacheOnce.Do(func() { cache = readSettings() })
	indexOnce.Do(func() { index = readSettings() }) // serve fires it at startup too
}

// index is guarded after startup in handleOther, and at startup here: the startup call runs it.
func warm() {
	indexOnce.Do(func() { index = readSettings() })
}

func readSettings() map[string]string {
	data, _ := os.ReadFile("settings.json")
	var m map[string]string
	_ = json.Unmarshal(data, &m)
	return m
}
