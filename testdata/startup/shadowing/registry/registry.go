// A registry whose constructor's result is kept in a local named like the package.
package registry

type Registry struct{ names []string }

func New() *Registry { return &Registry{} }

func (r *Registry) Webhooks() []string {
	var out []string // want "SL003"
	for _, n := range r.names {
		out = append(out, n)
	}
	return out
}
