// Package envtest starts a local control plane for a client library's integration tests
// (koperator carries go-cruise-control's so).
package envtest

var agents = expand([]string{"a", "b"})

func expand(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
