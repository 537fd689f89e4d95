package config

import "regexp"

// Go 1.26 new(expr): tree-sitter-go 0.25 cannot parse this declaration...
var defaultReplicas = new(int64(1))

// ...but findings elsewhere in the file are still reported.
var hostPattern = regexp.MustCompile(`^[a-z0-9.-]+$`) // want "SL001: regexp.MustCompile"
