package gc

import "runtime/debug"

// Reading GOGC by setting it off and writing the old value back when the collector was on:
// when it was off, leaving it off is the restore.
func currentGOGC() int {
	gogc := debug.SetGCPercent(-1)
	if gogc >= 0 {
		debug.SetGCPercent(gogc)
	}
	return gogc
}

func currentGOGCMirrored() int {
	gogc := debug.SetGCPercent(-1)
	if -1 != gogc {
		debug.SetGCPercent(gogc)
	}
	return gogc
}

func currentGOGCAbove() int {
	gogc := debug.SetGCPercent(-1)
	if gogc > -1 {
		debug.SetGCPercent(gogc)
	}
	return gogc
}

// The condition in parentheses (code gofmt has not touched): the same guard.
func currentGOGCParenthesized() int {
	gogc := debug.SetGCPercent(-1)
	if (gogc >= 0) {
		debug.SetGCPercent(gogc)
	}
	return gogc
}

// Restored only when the collector was off: it stays off when it was on.
func restoredWhenOff() int {
	gogc := debug.SetGCPercent(-1) // want "SL007: debug.SetGCPercent\\(-1\\) turns the garbage collector off and nothing restores it"
	if gogc < 0 {
		debug.SetGCPercent(gogc)
	}
	return gogc
}

// Restored only above 100: GOGC=50 stays off.
func restoredAbove100() int {
	gogc := debug.SetGCPercent(-1) // want "SL007"
	if gogc > 100 {
		debug.SetGCPercent(gogc)
	}
	return gogc
}

// Restored under a condition that says nothing of the saved setting.
func restoredOrElse(quick bool) int {
	gogc := debug.SetGCPercent(-1) // want "SL007"
	if quick {
		debug.SetGCPercent(gogc)
	}
	return gogc
}
