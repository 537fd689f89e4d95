// A cobra program that tells the runtime its memory limit before it runs its commands: the
// initializers cobra.OnInitialize registers in an init run inside Execute, after the limit.
package main

import (
	"runtime/debug"

	"example.com/cobralimited/cmd"
)

func main() {
	debug.SetMemoryLimit(200 << 20)
	cmd.Execute()
}
