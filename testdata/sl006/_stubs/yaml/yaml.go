// Package yaml is a minimal stand-in for gopkg.in/yaml.v3 (module path and package
// name differ, as in the real one).
package yaml

type decoder struct {
	out     interface{}
	strict  bool
	decoded []interface{}
}

var last *decoder

func Unmarshal(in []byte, out interface{}) (err error) {
	return unmarshal(in, out, false)
}

func unmarshal(in []byte, out interface{}, strict bool) error {
	d := &decoder{out: out, strict: strict}
	last = d
	return nil
}
