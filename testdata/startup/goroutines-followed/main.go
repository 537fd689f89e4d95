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
}

// background starts what it is given in a goroutine.
func background(f func()) { go f() }

func serve() { _ = poll(nil) }

func warm(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func consume(in []string) []string {
	var out []string // want "SL003"
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
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
