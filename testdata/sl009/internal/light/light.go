// Package light initializes, but far below the thresholds: not reported.
package light

var Name string

func init() {
	Name = string([]byte{'l', 'i', 'g', 'h', 't'})
}
