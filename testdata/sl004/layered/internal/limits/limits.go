package limits

import "runtime/debug"

func Apply() {
	debug.SetMemoryLimit(512 << 20)
}
