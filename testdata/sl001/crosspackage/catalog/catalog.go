// Package catalog decodes, while it initializes, files another package embeds: sized by
// what that package's //go:embed directives name, like files embedded beside the decode.
package catalog

import (
	"encoding/json"
	"io/fs"

	"example.com/crosspackage/manifest"
	"gopkg.in/yaml.v3"
)

var (
	defaults map[string]any
	crds     []map[string]any
	regions  []map[string]any
	byName   map[string]any
	inline   map[string]any
	schema   map[string]any
)

// A file of a few dozen bytes, named by another package's constant: everything Assets
// embeds is smaller than min-embedded-bytes, so the file read is too.
func init() {
	raw, err := manifest.Assets.ReadFile(manifest.DefaultsPath)
	if err != nil {
		return
	}
	_ = yaml.Unmarshal(raw, &defaults)
}

// Every file of a small directory, by the names a listing gives.
func init() {
	entries, _ := manifest.CRDs.ReadDir("crds")
	crds = make([]map[string]any, 0, len(entries))
	for _, entry := range entries {
		raw, _ := fs.ReadFile(manifest.CRDs, "crds/"+entry.Name())
		var crd map[string]any
		_ = yaml.Unmarshal(raw, &crd)
		crds = append(crds, crd)
	}
}

func init() {
	raw, _ := manifest.Regions.ReadFile("regions.json")
	_ = json.Unmarshal(raw, &regions) // want `SL001: json.Unmarshal in func init decodes 'regions.json' \(\d+ KB\) read from manifest.Regions while`
}

func init() {
	_ = json.Unmarshal(manifest.RegionsJSON, &byName) // want `SL001: json.Unmarshal in func init decodes \d+ KB of embedded regions.json \(in manifest.RegionsJSON\) while`
	_ = yaml.Unmarshal([]byte(manifest.DefaultsYAML), &inline) // a few dozen bytes
	_ = json.Unmarshal([]byte(manifest.Schema), &schema)       // a short constant
}
