// Only the batch tool imports this package: its init builds the tool's help text, and no
// program that serves runs it.
package batchflags

var Help []string

func init() {
	Help = describe([]string{"-v", "-o"})
}

func describe(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
