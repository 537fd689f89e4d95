// Helpers that main imports: production code, though its directory is named like tools.
package retry

func Attempts(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
