package loader

import (
	"errors"
	"math"
	"runtime"
	"runtime/debug"
)

func parse(path string) (int, error) { return 0, errors.New(path) }

func neverRestored(path string) {
	debug.SetGCPercent(-1) // want "SL007: debug.SetGCPercent\\(-1\\) turns the garbage collector off and nothing restores it"
	parse(path)
}

func deferredWrapper(path string) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	parse(path)
}

func savedAndDeferred(path string) {
	old := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(old)
	parse(path)
}

func savedAndDeferredClosure(path string) {
	old := debug.SetGCPercent(-1)
	defer func() {
		debug.SetGCPercent(old)
	}()
	parse(path)
}

func restoredWithConstant(path string) {
	debug.SetGCPercent(-1)
	parse(path)
	debug.SetGCPercent(100)
}

func restoredWithSaved(path string) {
	var old = debug.SetGCPercent(-1)
	parse(path)
	debug.SetGCPercent(old)
}

func earlyReturn(path string) error {
	old := debug.SetGCPercent(-1) // want "SL007: the return on line \\d+ skips the restore"
	if _, err := parse(path); err != nil {
		return err
	}
	debug.SetGCPercent(old)
	return nil
}

func returnBeforeDefer(path string) error {
	if path == "" {
		return nil
	}
	old := debug.SetGCPercent(-1) // want "SL007: the return on line \\d+ skips"
	if path == "x" {
		return nil
	}
	defer debug.SetGCPercent(old)
	return nil
}

func restoredOnlyInBranch(path string, ok bool) {
	old := debug.SetGCPercent(-1) // want "SL007"
	if ok {
		debug.SetGCPercent(old)
	}
}

func restoredWithNegative() {
	debug.SetGCPercent(-1)  // want "SL007"
	debug.SetGCPercent(-50) // want "SL007"
}

func restoredWithOtherVariable(percent int) {
	debug.SetGCPercent(-1) // want "SL007"
	debug.SetGCPercent(percent)
}

func restoredInGoroutine() {
	old := debug.SetGCPercent(-1) // want "SL007"
	go func() {
		debug.SetGCPercent(old)
	}()
}

func restoreBeforeDisable() {
	debug.SetGCPercent(100)
	debug.SetGCPercent(-1) // want "SL007"
}

func nonNegative() {
	debug.SetGCPercent(50)
	debug.SetGCPercent(0)
}

func returnInClosureDoesNotCount(items []string) {
	old := debug.SetGCPercent(-1)
	each := func(s string) bool { return s != "" }
	for _, item := range items {
		each(item)
	}
	debug.SetGCPercent(old)
}

func disabledInBlockRestoredAfter(heavy bool) {
	if heavy {
		debug.SetGCPercent(-1)
	}
	parse("x")
	debug.SetGCPercent(100)
}

var _ = debug.SetGCPercent(-1) // want "SL007"

// GC off with a soft memory limit: the documented GOGC=off + GOMEMLIMIT setup, bounded.
func offWithLimit(floor int64) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(floor)
	runtime.AddCleanup(new([32]byte), func(struct{}) {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}, struct{}{})
}

// The limit set inside a closure that may never run does not bound this function.
func limitInClosure(floor int64) func() {
	debug.SetGCPercent(-1) // want "SL007"
	return func() { debug.SetMemoryLimit(floor) }
}

const gcOff = -1

// A named negative constant turns the GC off just the same.
func namedConstant() {
	debug.SetGCPercent(gcOff) // want "SL007: debug.SetGCPercent\\(-1\\)"
}

func namedConstantRestored() {
	defer debug.SetGCPercent(debug.SetGCPercent(gcOff))
}

// Reading the limit (a negative argument) or setting math.MaxInt64 bounds nothing.
func offWithoutRealLimit() {
	debug.SetGCPercent(-1) // want "SL007"
	_ = debug.SetMemoryLimit(-1)
}

func offWithNoLimit() {
	debug.SetGCPercent(-1) // want "SL007"
	debug.SetMemoryLimit(math.MaxInt64)
}

func offWithConstantLimit() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(512 << 20)
}
