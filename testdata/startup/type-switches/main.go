// A value's concrete type told by a type switch or a type assertion: its methods run.
package main

type node interface{ id() int }

type receiver struct{ names []string }

func (r *receiver) id() int { return 1 }

func (r *receiver) build() []string {
	var out []string // want "SL003"
	for _, n := range r.names {
		out = append(out, n)
	}
	return out
}

type exporter struct{ names []string }

func (e *exporter) id() int { return 2 }

func (e *exporter) build() []string {
	var out []string // want "SL003"
	for _, n := range e.names {
		out = append(out, n)
	}
	return out
}

type processor struct{ names []string }

func (p *processor) id() int { return 3 }

func (p *processor) build() []string {
	var out []string // want "SL003"
	for _, n := range p.names {
		out = append(out, n)
	}
	return out
}

// Never asserted to: its build does not run.
type connector struct{ names []string }

func (c *connector) id() int { return 4 }

func (c *connector) build() []string {
	var out []string
	for _, n := range c.names {
		out = append(out, n)
	}
	return out
}

func buildAll(nodes []node) {
	for _, nd := range nodes {
		switch n := nd.(type) {
		case *receiver:
			n.build()
		case *connector, *exporter:
			_ = n.id()
		}
		if e, ok := nd.(*exporter); ok {
			e.build()
		}
		nd.(*processor).build()
	}
}

func main() { buildAll(nil) }
