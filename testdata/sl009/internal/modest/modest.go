package modest

// Allocates 2 MiB, quickly, while it initializes: under min-bytes and min-ms. A service pays it
// once per start, and its engineers were not found to act on that much.
var table = build(2 << 20)

func build(n int) []byte { return make([]byte, n) }

func Len() int { return len(table) }
