// The service's A/B experiments, which main imports: production code, though a glob of the
// test directories (`*-test`) matches its directory's name.
package abtest

func Variants(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
