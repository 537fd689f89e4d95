package main

import (
	"encoding/json"
	"io"
)

type check func(body io.Reader)

// Lists of functions kept in package-level variables run where the list is ranged over and
// called, not where it is built: `checks` runs per object in summarize, which nothing calls at
// startup; `steps` runs in main.
var checks = []check{checkRemoving}

var steps []check

func init() {
	checks = append(checks, checkReady)
	steps = []check{migrate}
}

func summarize(body io.Reader) {
	for _, c := range checks {
		c(body)
	}
}

func runSteps(body io.Reader) {
	for _, s := range steps {
		s(body)
	}
}

func checkRemoving(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v map[string]any
	_ = json.Unmarshal(data, &v)
}

func checkReady(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v map[string]any
	_ = json.Unmarshal(data, &v)
}

func migrate(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v map[string]any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

