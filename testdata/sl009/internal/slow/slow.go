package slow

import "time"

var Ready bool

func init() { // want "SL009: ^package example.com/sl009/internal/slow allocates .* and takes [0-9.]+ ms during init"
	time.Sleep(30 * time.Millisecond) // slower than min-ms, allocating nothing
	Ready = true
}
