// The same table, filled by another file of the package: its entries are decoded while the
// package initializes, one finding with the init's other work.
package registered

import (
	"encoding/json"
	"os"
)

type spec struct{ schema string }

var (
	Schemas = map[string]map[string]any{}
	extra   []byte
)

var specs = map[string]spec{}

func init() {
	extra, _ = os.ReadFile("/etc/schemas/extra.json") // want "SL001: os.ReadFile in func init reads a file.*\\(1 more in this func init: related locations\\)"
	for name, s := range specs {
		var decoded map[string]any
		if json.Unmarshal([]byte(s.schema), &decoded) == nil {
			Schemas[name] = decoded
		}
	}
}
