// Package manifest holds the files the catalog decodes: a //go:embed directive can only name
// files beside its package, so the code that reads them lives elsewhere.
package manifest

import "embed"

//go:embed defaults.yaml icon.svg
var Assets embed.FS

//go:embed crds
var CRDs embed.FS

//go:embed regions.json
var Regions embed.FS

//go:embed regions.json
var RegionsJSON []byte

//go:embed defaults.yaml
var DefaultsYAML string

// DefaultsPath is the name of the defaults in Assets.
const DefaultsPath = "defaults.yaml"

// Schema is a literal, sized by its length.
const Schema = `{"type": "object"}`
