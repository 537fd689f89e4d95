package main

import (
	"encoding/json"
	"io"
	"strings"
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
	var v []any
	_ = json.Unmarshal(data, &v)
}

func checkReady(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v)
}

func migrate(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}


type upgrade func(body io.Reader)

// A map literal's functions run where an entry is called: per version, at startup here.
var upgrades = map[string]upgrade{"1.17": upgrade117}

func performUpgrades(version string, body io.Reader) {
	if up, ok := upgrades[version]; ok {
		up(body)
	}
	upgrades[version](body)
}

func upgrade117(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

// Ranging over the keys of a map of functions calls none of them.
var migrations = map[string]upgrade{"2.0": upgrade200}

var known []string

func init() { known = listVersions(migrations) }

func listVersions(m map[string]upgrade) []string {
	names := make([]string, 0, len(m))
	for v := range m {
		names = append(names, strings.TrimSpace(v))
	}
	return names
}

func upgrade200(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v)
}
