package config

import (
	"os"
	"strings"
)

const tableSize = 300

var (
	shortList = []string{"a", "b", "c"}
	letters   []string
	pairs     []string
	table     []int
	squares   []int
	grid      []int
	fromInput []string
)

func init() {
	// Over a literal of 3 entries: a few bytes of growth, below min-literal-elements.
	for _, s := range shortList {
		letters = append(letters, s)
	}
	for _, s := range []string{"x", "y"} {
		letters = append(letters, s+"1")
		letters = append(letters, s+"2")
	}
	// Two appends in one loop over input the initializer reads: one finding.
	raw, _ := os.ReadFile("pairs.txt") // want "SL001: os.ReadFile in func init"
	for _, s := range strings.Split(string(raw), "\n") {
		pairs = append(pairs, s) // want `SL001: 2 appends inside a loop in func init \(pairs\) grow the slice`
		pairs = append(pairs, s+"!")
	}
	// Over a package-level slice whose length the file does not tell (a table filled in
	// another file, or by hand): read by hand, such tables hold a dozen entries. Not reported.
	for _, s := range fromInput {
		letters = append(letters, s)
	}
	for i := 0; i < tableSize; i++ {
		table = append(table, i) // want `SL001: append inside a loop in func init \(table, 300 iterations\)`
	}
	// Nested loops multiply: 10 x 10 stays below, 20 x 20 does not.
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			squares = append(squares, i*j)
		}
	}
	for i := 0; i < 20; i++ {
		for j := 0; j < 20; j++ {
			grid = append(grid, i*j) // want `SL001: append inside a loop in func init \(grid, 400 iterations\)`
		}
	}
	local := []int{1, 2}
	for _, n := range local {
		squares = append(squares, n)
	}
}
