// A type whose values come from a constructor that can fail.
package filter

type Filter struct{ names []string }

func New(names []string) (*Filter, error) { return &Filter{names: names}, nil }

// Lookup returns a filter and whether it was found.
func Lookup(name string) (Filter, bool) { return Filter{names: []string{name}}, true }

func (f Filter) Status() []string {
	var out []string // want "SL003"
	for _, n := range f.names {
		out = append(out, n+"!")
	}
	return out
}

func (f Filter) Found() []string {
	var out []string // want "SL003"
	for _, n := range f.names {
		out = append(out, n)
	}
	return out
}

// Late is called with such a value only per request.
func (f *Filter) Late() []string {
	var out []string
	for _, n := range f.names {
		out = append(out, n)
	}
	return out
}
