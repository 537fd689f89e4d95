package cache

import "sync"

// Syntax of Go 1.23-1.27 parses: findings sit in the same functions as the syntax.

type Table[V any] = map[string]V // a generic type alias (Go 1.24)

var (
	tableOnce sync.Once
	table     Table[int]
)

func port() *int { return new(8080) } // new(expr) (Go 1.26)

func Lookup() Table[int] {
	tableOnce.Do(func() { // want "SL002"
		size := new(int(16))
		table = make(Table[int], *size)
		for i := range 3 {
			table[string(rune('a'+i))] = i
		}
	})
	return table
}
