package decoded

import "encoding/json"

var genesis map[string]any

func init() {
	_ = json.Unmarshal(genesisJSON, &genesis) // want `SL001: json.Unmarshal in func init decodes 4 KB of embedded authenticators.json \(in genesisJSON\) while`
}
