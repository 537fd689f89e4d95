package decoded

import (
	"encoding/json"
	"os"
)

// A string only the linker's -X sets (`go build -ldflags "-X example.com/decoded.injectedDefaults=..."`):
// written on a build's command line, a few hundred bytes at most.
var injectedDefaults string

// One the package assigns: its size is not known.
var assignedDefaults string

var injected, assigned map[string]string

func init() {
	if injectedDefaults != "" {
		_ = json.Unmarshal([]byte(injectedDefaults), &injected)
	}
	assignedDefaults = os.Getenv("DEFAULTS")
	_ = json.Unmarshal([]byte(assignedDefaults), &assigned) // want `SL001: json.Unmarshal in func init decodes data while`
}
