package main

import (
	"runtime/debug"

	"example.com/cobralimit/cmd"
)

// The limit is set before the commands run: their loads are covered.
func main() {
	debug.SetMemoryLimit(256 << 20)
	cmd.Execute()
}
