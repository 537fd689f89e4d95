package catalog

import (
	"encoding/json"

	"example.com/crosspackage/assets"
	"gopkg.in/yaml.v3"
)

var (
	small, large, named map[string]any
	assetName           = "assets/" + "large.json"
)

// Assets go-bindata generated: sized by the sizes its code records.
func init() {
	raw, _ := assets.Asset("assets/small.yaml")
	_ = yaml.Unmarshal(raw, &small) // 900 bytes: under min-embedded-bytes
}

func init() {
	raw, _ := assets.Asset("assets/large.json")
	_ = json.Unmarshal(raw, &large) // want `SL001: json.Unmarshal in func init decodes 'assets/large.json' \(9 KB\) read from assets.Asset while`
}

func init() {
	raw := assets.MustAsset(assetName) // a name not known here: no larger than all the assets
	_ = json.Unmarshal(raw, &named) // want `SL001: json.Unmarshal in func init decodes an asset of assets.MustAsset \(they total 10 KB\) while`
}

func init() {
	_ = json.Unmarshal(assets.MustAsset("assets/large.json"), &named) // want `SL001: json.Unmarshal in func init decodes 'assets/large.json' \(9 KB\) read from assets.MustAsset while`
	_ = yaml.Unmarshal(assets.MustAsset("assets/small.yaml"), &small)
}
