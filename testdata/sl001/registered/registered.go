// The same table, filled by another file of the package: its entries are decoded while the
// package initializes.
package registered

import "encoding/json"

type spec struct{ schema string }

var Schemas = map[string]map[string]any{}

var specs = map[string]spec{}

func init() {
	for name, s := range specs {
		var decoded map[string]any
		if json.Unmarshal([]byte(s.schema), &decoded) == nil { // want "SL001: json.Unmarshal in func init decodes data"
			Schemas[name] = decoded
		}
	}
}
