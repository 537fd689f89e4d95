// A go statement starts work that runs for the life of the process: an edge only with
// follow-goroutines.
package main

func main() {
	go warm(nil)
	go func() {
		consume(nil)
	}()
	inline(nil)
	background(serve)
	safely(tick)

	// A harness keeping in a field what starts its workers: the field's function starts the
	// worker it is given in a goroutine, so the worker is no startup work.
	h := &harness{
		start: func(worker func()) {
			go func() {
				worker()
			}()
		},
		// This one runs its job in place, through a literal it calls right away.
		now: func(job func()) {
			func() {
				job()
			}()
		},
	}
	h.start(func() { _ = pump(nil) })
	h.now(func() { _ = prepare(nil) })

	// Starting it directly is the same; a wrapper a literal returns runs what it wraps later.
	d := &harness{start: func(worker func()) { go worker() }}
	d.start(func() { _ = spin(nil) })
	_ = logged()(func() { _ = perRequest(nil) })

	// A field may be given a function the graph cannot see (`h.later = run` in the literal
	// an option returns, a call's result, a setter's parameter): what it is given may run.
	o := &harness{later: func(job func()) { go job() }}
	o.apply(withLater(runInPlace))
	o.later(func() { _ = optioned(nil) })
	p := &picker{run: func(job func()) { go job() }}
	p.run = pick(true)
	p.run(func() { _ = picked(nil) })
	s := &picker{run: func(job func()) { go job() }}
	chosen := pick(true)
	s.set(chosen)
	s.run(func() { _ = set(nil) })
	// A literal's parameter elsewhere, of the same name, is not what is stored here.
	each := func(runInPlace string) { _ = runInPlace }
	each("x")
	q := &queue{run: func(job func()) { go job() }}
	q.run = runInPlace
	q.run(func() { _ = named(nil) })
}

type queue struct{ run func(func()) }

type harness struct {
	start func(func())
	now   func(func())
	later func(func())
}

func (h *harness) apply(options ...func(*harness)) {
	for _, option := range options {
		option(h)
	}
}

func withLater(run func(func())) func(*harness) {
	return func(h *harness) { h.later = run }
}

type picker struct{ run func(func()) }

func (p *picker) set(run func(func())) { p.run = run }

func pick(inPlace bool) func(func()) {
	if inPlace {
		return runInPlace
	}
	return func(job func()) { go job() }
}

func runInPlace(job func()) { job() }

// logged returns a middleware: the handler it wraps runs per request.
func logged() func(func()) func() {
	return func(next func()) func() { return func() { next() } }
}

// background starts what it is given in a goroutine.
func background(f func()) { go f() }

func serve() { _ = poll(nil) }

// safely starts what it is given in a goroutine that recovers from its panics: the call of
// its parameter sits in a literal the go statement runs.
func safely(f func()) {
	go func() {
		defer func() { _ = recover() }()
		f()
	}()
}

func tick() { _ = ticked(nil) }

func warm(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func consume(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func inline(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func poll(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func ticked(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func pump(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func prepare(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func spin(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func perRequest(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func optioned(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func picked(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func set(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func named(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
