package catalog

import (
	"encoding/json"
	"os"
	"regexp"
)

// The tree holds plans.json beside this file, a few bytes: reading and decoding it in an
// init costs microseconds (cnpg-broker's 3 KB catalog.yaml was read as not worth a change).
var plans, tiers map[string]int

func init() {
	raw, _ := os.ReadFile("plans.json")
	_ = json.Unmarshal(raw, &plans)
}

// Not what another local holds, though.
func init() {
	raw, _ := os.ReadFile("plans.json")
	other := []byte(os.Getenv("TIERS"))
	_ = json.Unmarshal(other, &tiers) // want "SL001: json.Unmarshal in func init decodes data"
	_ = raw
}

// A file the tree does not hold: its size is not known.
var prices []byte

func init() {
	prices, _ = os.ReadFile("prices.json") // want "SL001: os.ReadFile in func init reads a file.*1 more in this func init"
	_ = regexp.MustCompile("a")
	_ = make([]byte, 1<<20)
}

// Read by a path outside the tree: not sized.
var settings []byte

func init() {
	settings, _ = os.ReadFile("/etc/catalog/settings.json") // want "SL001: os.ReadFile in func init reads a file"
}

// A path above the package names no file of the tree that can be sized.
var shared []byte

func init() {
	shared, _ = os.ReadFile("../catalog/plans.json") // want "SL001: os.ReadFile in func init reads a file"
}

// What a package-level variable holds when decoded is not known to be the read's alone.
var loaded []byte

func init() {
	loaded, _ = os.ReadFile("plans.json")
	_ = json.Unmarshal(loaded, &tiers) // want "SL001: json.Unmarshal in func init decodes data"
}
