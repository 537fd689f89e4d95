package config

var registry = func() []string {
	var out []string
	for i := 0; i < 10; i++ {
		out = append(out, "x") // want "SL001: append inside a loop in a package-level var initializer"
	}
	return out
}()

func init() {
	for _, s := range sizes {
		func() {
			names = append(names, "y") // want "SL001: append inside a loop"
		}()
		register := func() { names = append(names, "z") }
		_ = register
	}
	for names = append(names, "w"); len(names) < 3; { // the init clause runs once
		break
	}
}
