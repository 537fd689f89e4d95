package config

const (
	cacheEntries = 1 << 20
	smallBuffer  = 512
)

var (
	cache   = make(map[string][]byte, cacheEntries)  // want "SL001: make with 1048576 elements \\(at least 40.0 MB\\) in a package-level var initializer"
	scratch = make([]byte, 0, 64*1024)               // want "SL001: make with 65536 elements"
	buffer  = make([]byte, smallBuffer)
	justBig = make([]byte, 65535)                     // want "SL001: make with 65535 elements .*min-make-bytes is 32768"
	below   = make([]byte, 32767)
	atLimit = make([]byte, 0, 32768)                  // want "SL001: make with 32768 elements"
	events  = make(chan string, int(1e6))            // want "SL001: make with 1000000 elements \\(at least 15.3 MB\\)"
	table   = make([]uint64, 1<<16)                   // want "SL001: make with 65536 elements"
	dynamic = make([]byte, computeSize())
)

func computeSize() int { return 1 << 30 }

func init() {
	index := make(map[int]int, 100_000) // want "SL001: make with 100000 elements \\(at least 1.5 MB\\) in func init"
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
	truncated = make([]byte, 65535/2)
	signed    = make([]byte, -negative/4)
)

// Bytes, not elements, decide: the element's size as its type is written (a named type counts
// as a machine word).
type node struct{ left, right *node }

var (
	present    = make(map[string]struct{}, 1024)
	flags      = make([]struct{}, 1<<20)
	shorts     = make([]uint16, 16000)
	runes      = make([]rune, 8192) // want "SL001: make with 8192 elements \\(at least 32 KB\\) in a package-level"
	nodes      = make([]node, 4096) // want "SL001: make with 4096 elements in a package-level"
	smallNodes = make([]node, 4000)
)

// A table of test packets whose entries each build a large buffer: one variable's
// initializer, one finding, the other makes related locations.
var packetTable = map[string][]byte{
	"max":   func() []byte { return make([]byte, 65536) }(), // want "SL001: make with 65536 elements \\(at least 64 KB\\) in a package-level var initializer.*\\(2 more in this declaration: related locations\\)"
	"max2":  func() []byte { return make([]byte, 65536) }(),
	"large": func() []byte { b := make([]byte, 70000); return b }(),
}
