package main

import rd "runtime/debug"

func aliased() int64 {
	return rd.SetMemoryLimit(0) // want `SL010: debug.SetMemoryLimit\(0\)`
}
