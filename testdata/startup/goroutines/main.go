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
