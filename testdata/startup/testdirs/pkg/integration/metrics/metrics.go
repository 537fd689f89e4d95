// Integrations with metric providers, which main imports: production code, though its
// directory is named like an integration-test suite.
package metrics

func Providers(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
