package config

const (
	cacheEntries = 1 << 20
	smallBuffer  = 512
)

var (
	cache   = make(map[string][]byte, cacheEntries)  // want "SL001: make with 1048576 elements in a package-level var initializer"
	scratch = make([]byte, 0, 64*1024)               // want "SL001: make with 65536 elements"
	buffer  = make([]byte, smallBuffer)
	justBig = make([]byte, 65535)
	events  = make(chan string, int(1e6))            // want "SL001: make with 1000000 elements"
	table   = make([]uint64, 1<<16)                   // want "SL001: make with 65536 elements"
	dynamic = make([]byte, computeSize())
)

func computeSize() int { return 1 << 30 }

func init() {
	index := make(map[int]int, 100_000) // want "SL001: make with 100000 elements in func init"
	_ = index
}

func notInit() {
	huge := make([]byte, 1<<30)
	_ = huge
}
