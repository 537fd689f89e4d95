package decoded

import (
	_ "embed"
	"encoding/json"
)

//go:embed gates/gates.json
var gatesJSON []byte

type gate struct {
	Name  string `json:"name"`
	State string `json:"state"`
}

// A loop over entries decoded from a small embedded file runs as many times as the file
// holds entries: a few dozen at most, under min-embedded-bytes.
var betaGates []string

func init() {
	var all []gate
	if err := json.Unmarshal(gatesJSON, &all); err != nil {
		panic(err)
	}
	for _, g := range all {
		if g.State == "Beta" {
			betaGates = append(betaGates, g.Name)
		}
	}
}

// The same over a 4 KB embedded file: reported, the loop as long as the data.
var authenticatorNames []string

func init() {
	var entries []map[string]any
	_ = json.Unmarshal(authenticatorsJSON, &entries) // want `SL001: json.Unmarshal in func init decodes 4 KB`
	for _, entry := range entries {
		authenticatorNames = append(authenticatorNames, entry["name"].(string)) // want `SL001: append inside a loop in func init \(authenticatorNames\)`
	}
}
