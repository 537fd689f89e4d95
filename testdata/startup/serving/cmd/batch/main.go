// A batch tool: it never serves, so nothing of it is startup. It passes a field named like
// a method as an argument (`w.Start`): a value, not a call of the module's `Start` method
// that serves.
package main

import (
	"os"

	_ "example.com/serving/batchflags"
	_ "example.com/serving/common"
)

// The tool's own init: no program that serves runs it.
func init() { converted(nil) }

type window struct{ Start, End int64 }

func main() {
	converted(os.Args)
	w := window{}
	_ = describe(w.Start)
}

func describe(v any) string { return "" }

func converted(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
