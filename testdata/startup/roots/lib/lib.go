// A library package: its main-like names are no roots.
package lib

var prefixes = fromLibVar([]string{"x"})

func init() {
	fromLibInit(nil)
}

// main of a package that is not main is an ordinary function.
func main() {
	notRoot(nil)
}

func Used(in []string) { usedByMain(in) }

func Unused(in []string) { notRoot(in) }

func fromLibVar(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func fromLibInit(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func usedByMain(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func notRoot(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
