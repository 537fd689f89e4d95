package config

import (
	"encoding/json"
	"os"
)

// go-swagger's enum tables: a JSON document written out in the source, a handful of names,
// decoded and copied one by one. Not input: its length is what the code spells, far below
// min-literal-elements.
var actionsEnum []interface{}

func init() {
	var res []string
	if err := json.Unmarshal([]byte(`["get","create","update","delete","*"]`), &res); err != nil {
		panic(err)
	}
	for _, v := range res {
		actionsEnum = append(actionsEnum, v)
	}
}

// The same document given to a local first.
var statesEnum []interface{}

func init() {
	doc := `["ready","failed"]`
	var res []string
	_ = json.Unmarshal([]byte(doc), &res)
	for _, v := range res {
		statesEnum = append(statesEnum, v)
	}
}

// A document the program reads is input: as many entries as its file holds.
var regionsEnum []interface{}

func init() {
	data, _ := os.ReadFile("/etc/app/regions.json") // want "SL001: os.ReadFile in func init reads a file"
	var res []string
	_ = json.Unmarshal(data, &res)
	for _, v := range res {
		regionsEnum = append(regionsEnum, v) // want "SL001: append inside a loop in func init \\(regionsEnum\\)"
	}
}

// A local given a literal, then the environment's value: input again.
var zonesEnum []interface{}

func init() {
	doc := `["a"]`
	doc = os.Getenv("EXTRA_ZONES")
	var res []string
	_ = json.Unmarshal([]byte(doc), &res) // want "SL001: json.Unmarshal in func init decodes data"
	for _, v := range res {
		zonesEnum = append(zonesEnum, v) // want "SL001: append inside a loop in func init \\(zonesEnum\\)"
	}
}
