// The daemon and the batch tool both import this package: its init runs at the daemon's
// startup too.
package common

var Names []string

func init() {
	Names = collect([]string{"a", "b"})
}

func collect(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
