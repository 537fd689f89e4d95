package decoded

import (
	_ "embed"
	"encoding/json"
	"os"

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
	_ = yaml.Unmarshal([]byte(limitsYAML), &limits) // 15 bytes: under min-embedded-bytes
}

func init() {
	_ = json.Unmarshal(generated, &extra) // want `SL001: json.Unmarshal in func init decodes the embedded data in generated while`
}

func init() {
	authenticatorsJSON := []byte(os.Getenv("AUTHENTICATORS")) // a local of the same name: not the embedded data
	_ = json.Unmarshal(authenticatorsJSON, &extra) // want `SL001: json.Unmarshal in func init decodes data while`
}

var (
	schema  map[string]any
	aliases map[string]string
	unknown map[string]any
)

func init() {
	_ = yaml.Unmarshal([]byte(schemaYAML), &schema) // want `SL001: yaml.Unmarshal in func init decodes 4 KB of the string schemaYAML while`
	_ = json.Unmarshal([]byte(aliasesJSON), &aliases) // a short constant: under min-embedded-bytes
}

func init() {
	_ = json.Unmarshal(computed, &unknown) // want `SL001: json.Unmarshal in func init decodes data while`
}

var computed = []byte(schemaYAML[:10]) // not a literal: its size is not known here

// Not initialization: decoded when called.
func load() map[string]any {
	var m map[string]any
	_ = json.Unmarshal(authenticatorsJSON, &m)
	return m
}

// A generated package without a spec to embed: the variable stays nil, so what its `!= nil`
// guards never runs. One assigned somewhere in the file, or given a value, may be set.
var (
	rawSpec     []byte
	loadedSpec  []byte
	spec, spec2 map[string]any
)

func init() {
	if rawSpec != nil {
		_ = yaml.Unmarshal(rawSpec, &spec)
	}
	if len(loadedSpec) > 0 {
		_ = yaml.Unmarshal(loadedSpec, &spec2) // want `SL001: yaml.Unmarshal in func init decodes`
	}
}

func setSpec(b []byte) { loadedSpec = b }

// Freed once used: an assignment of nil sets nothing.
func init() { rawSpec = nil }

// A local of the same name is not the package-level variable.
func init() {
	var rawSpec, _ = os.ReadFile("spec.yaml") // want "SL001: os.ReadFile in func init.*1 more in this func init"
	if rawSpec != nil {
		_ = yaml.Unmarshal(rawSpec, &spec)
	}
}

// Two large documents decoded in one init (kratos's authenticator tables): the work moves out
// of init together, so it is one finding, the second decode a related location.
var both map[string]any

func init() {
	_ = json.Unmarshal(authenticatorsJSON, &both) // want `SL001: json.Unmarshal in func init decodes 4 KB of embedded authenticators.json .*\(1 more in this func init: related locations\)`
	_ = yaml.Unmarshal([]byte(schemaYAML), &both)
}
