package main

import debug "example.com/memlimit/settings"

// A package of the module named debug: its SetMemoryLimit is not the runtime's.
func configure() {
	debug.SetMemoryLimit(0)
}
