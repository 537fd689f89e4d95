// The backends a tracer may use: the package that declares the interface imports this one.
package backends

type OTel struct{ Endpoints []string }

func (o *OTel) Setup(name string) error {
	var urls []string // want "SL003"
	for _, e := range o.Endpoints {
		urls = append(urls, e+"/"+name)
	}
	_ = urls
	return nil
}
