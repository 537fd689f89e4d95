package decoded

import (
	"embed"
	"encoding/json"
	"io/fs"
)

//go:embed parts
var parts embed.FS

var shapes, regions map[string]any

// A file read from an embed.FS into a local and decoded there: the decode has that file's
// size, so a small one is no finding (like its ReadFile) and a large one says how large.
func init() {
	shapeInfo, _ := parts.ReadFile("parts/shapes.json")
	_ = json.Unmarshal(shapeInfo, &shapes) // want `SL001: json.Unmarshal in func init decodes 'parts/shapes.json' \(6 KB\) read from parts while`
	regionInfo, _ := fs.ReadFile(parts, "parts/regions.json")
	_ = json.Unmarshal(regionInfo, &regions) // 8 bytes: under min-embedded-bytes
}
