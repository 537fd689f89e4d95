// Package small initializes cheaply: linked, measured, never reported.
package small

var Names = map[string]int{"a": 1, "b": 2}
