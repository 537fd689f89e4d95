package main

import (
	"runtime/debug"
	"testing"
)

// A test may squeeze the heap on purpose to exercise the collector.
func TestUnderPressure(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(0))
}
