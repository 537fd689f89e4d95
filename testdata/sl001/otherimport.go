package config

import "example.com/internal/regexp"

// A package named regexp from another import path is not the standard library.
var pattern = regexp.MustCompile("x")
