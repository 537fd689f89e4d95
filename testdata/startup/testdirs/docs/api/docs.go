// An API description package that main imports (swag's generated `docs`): production code.
package api

func Register(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
