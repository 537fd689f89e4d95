package catalog

import (
	"encoding/json"

	"example.com/crosspackage/manifest"
	remote "example.org/assets"
)

var (
	unknown map[string]any
	copied  []byte
	local   map[string]any
)

// A package outside the linted tree: what it embeds is not known, so the decode is reported.
func init() {
	raw, _ := remote.Files.ReadFile("catalog.json")
	_ = json.Unmarshal(raw, &unknown) // want `SL001: json.Unmarshal in func init decodes data while`
}

// A copy of a large embedded file kept in a package variable.
func init() {
	copied, _ = manifest.Regions.ReadFile("regions.json") // want `SL001: \(embed.FS\).ReadFile in func init copies 'regions.json' \(\d+ KB\) from manifest.Regions onto the heap`
}

// A local named like the package hides it: not the embedded data.
func init() {
	manifest := struct{ RegionsJSON []byte }{RegionsJSON: []byte("{}")}
	_ = json.Unmarshal(manifest.RegionsJSON, &local) // want `SL001: json.Unmarshal in func init decodes data while`
}
