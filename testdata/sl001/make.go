package config

const (
	cacheEntries = 1 << 20
	smallBuffer  = 512
)

var (
	cache   = make(map[string][]byte, cacheEntries)  // want "SL001: make with 1048576 elements in a package-level var initializer"
	scratch = make([]byte, 0, 64*1024)               // want "SL001: make with 65536 elements"
	buffer  = make([]byte, smallBuffer)
	justBig = make([]byte, 65535)                     // want "SL001: make with 65535 elements .*min-make-elements is 32768"
	below   = make([]byte, 32767)
	atLimit = make([]byte, 0, 32768)                  // want "SL001: make with 32768 elements"
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

const (
	pages    = 256
	pageSize = 4096
	negative = -70000
)

var (
	pool      = make([]byte, pages*pageSize) // want "SL001: make with 1048576 elements"
	halved    = make([]int, (1<<17)/2)       // want "SL001: make with 65536 elements"
	octal     = make([]int, 0200000)         // want "SL001: make with 65536 elements"
	truncated = make([]int, 65535/2)
	signed    = make([]int, -negative/4)
)

// A table of test packets whose entries each build a large buffer: one variable's
// initializer, one finding, the other makes related locations.
var packetTable = map[string][]byte{
	"max":   func() []byte { return make([]byte, 65536) }(), // want "SL001: make with 65536 elements in a package-level var initializer.*\\(2 more in this declaration: related locations\\)"
	"max2":  func() []byte { return make([]byte, 65536) }(),
	"large": func() []byte { b := make([]byte, 70000); return b }(),
}
