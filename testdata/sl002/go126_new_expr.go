package cache

import "sync"

var (
	tableOnce sync.Once
	table     map[string]int
)

func port() *int { return new(8080) } // Go 1.26 new(expr), which tree-sitter-go 0.25 cannot parse

func Table() map[string]int {
	tableOnce.Do(func() { // want "SL002"
		table = map[string]int{"a": 1}
	})
	return table
}
