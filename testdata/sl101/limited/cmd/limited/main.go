package main

import rdebug "runtime/debug"

func main() {
	rdebug.SetMemoryLimit(460 << 20)
}
