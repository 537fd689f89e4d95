package decoded

import (
	_ "embed"
	"encoding/json"

	"gopkg.in/yaml.v3"
)

//go:embed data/authenticators.json
var authenticatorsJSON []byte

//go:embed data/limits.yaml
var limitsYAML string

//go:embed data/missing.json
var generated []byte // the pattern names nothing in this tree: the size is unknown

var (
	authenticators map[string]any
	limits         map[string]int
	extra          map[string]any
)

func init() {
	if err := json.Unmarshal(authenticatorsJSON, &authenticators); err != nil { // want `SL001: json.Unmarshal in func init decodes 4 KB of embedded authenticators.json \(in authenticatorsJSON\) while`
		panic(err)
	}
	_ = yaml.Unmarshal([]byte(limitsYAML), &limits) // want `SL001: yaml.Unmarshal in func init decodes 15 bytes of embedded limits.yaml \(in limitsYAML\)`
	_ = json.Unmarshal(generated, &extra)          // want `SL001: json.Unmarshal in func init decodes the embedded data in generated while`
}

func init() {
	authenticatorsJSON := []byte("{}") // a local of the same name: not the embedded data
	_ = json.Unmarshal(authenticatorsJSON, &extra) // want `SL001: json.Unmarshal in func init decodes data while`
}

// Not initialization: decoded when called.
func load() map[string]any {
	var m map[string]any
	_ = json.Unmarshal(authenticatorsJSON, &m)
	return m
}
