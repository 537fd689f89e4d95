package cache

import "regexp"

var buffer []byte

var key = regexp.MustCompile(`^[a-z]+$`) // one compile: below SL001's min-compiles

func init() { // want "SL009: ^package example.com/sl009/internal/cache allocates 8.0 MiB"
	buffer = make([]byte, 8<<20) // want "SL001: make with 8388608 elements.*\\(measured: package init 8.0 MiB in [0-9,]+ allocations, [0-9.]+ ms, median of 5 runs\\)$"
}

func Size() int { return len(buffer) + len(key.String()) }
