package loader

import rdebug "runtime/debug"

func aliased() {
	rdebug.SetGCPercent(-1) // want "SL007"
}
