package config

import "runtime/debug"

// Load only reads the limit: a negative argument does not change it.
func Load() int64 { return debug.SetMemoryLimit(-1) }
