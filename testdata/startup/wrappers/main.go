// A function value handed to a wrapper of the module runs at startup only if the wrapper
// calls it: the wrapper's file is read to find out.
package main

import (
	"os"

	"example.com/wrappers/jobs"
)

func main() {
	jobs.Start()
	_ = jobs.Every("@hourly", func() {
		var seen []string
		for _, arg := range os.Args {
			seen = append(seen, arg)
		}
		_ = seen
	})
	jobs.Now(func() {
		var args []string // want "SL003: args starts empty"
		for _, arg := range os.Args {
			args = append(args, arg)
		}
		_ = args
	})
}
