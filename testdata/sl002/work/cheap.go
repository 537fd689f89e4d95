package work

import (
	"net"
	"net/http"
	"os"
	"sync"

	"example.com/othercache"
	"github.com/Masterminds/sprig/v3"
)

// Not measurable: nothing reported.

type registry struct {
	byName map[string]int
	byID   map[int]string
}

var (
	lazyOnce sync.Once
	reg      *registry
	funcs    map[string]any
	host     string
	cache    *othercache.Cache
	conn     net.Conn
	resp     *http.Response
	total    int
)

// A struct of empty maps, a cached string, a sprig FuncMap.
func Cheap() {
	lazyOnce.Do(func() { reg = &registry{byName: map[string]int{}, byID: make(map[int]string, 16)} })
	lazyOnce.Do(func() { host, _ = os.Hostname() })
	lazyOnce.Do(func() { funcs = sprig.FuncMap() })
}

// Another package's function: its cost is unknown, so it is not counted.
func Unknown() {
	lazyOnce.Do(func() { cache = othercache.New(128) })
}

// Network calls are lazy by design: at startup they would tie readiness to a remote service.
func Network() {
	lazyOnce.Do(func() { conn, _ = net.Dial("tcp", "cache:6379") })
	lazyOnce.Do(func() { resp, _ = http.Get("https://example.com/rarely-used") })
	lazyOnce.Do(func() { resp = fetch() })
}

func fetch() *http.Response {
	r, _ := http.DefaultClient.Get("https://example.com/keys")
	return r
}

// Loops over short literals and constant ranges, here or in a package-level variable.
var formats = []string{"urn:a:persistent", "urn:a:transient"}

func Literal() {
	lazyOnce.Do(func() {
		for _, format := range formats {
			funcs[format] = format
		}
		for _, name := range []string{"a", "b", "c"} {
			total += len(name)
		}
		for i := 0; i < 10; i++ {
			total += i
		}
		for i := range 8 {
			total += i
		}
	})
}

// A make sized by a package-level literal of another file of the package (guards.go): as
// short as the literal (katalyst's five group weights).
var weightsCopy map[string]int

func Weights() {
	weightsOnce.Do(func() {
		weightsCopy = make(map[string]int, len(groupWeights))
		for group, weight := range groupWeights {
			weightsCopy[group] = weight
		}
	})
}

// A setter that merges, once, the map its caller hands over: the caller's data, already built.
var supported = map[string]string{}

var supportedOnce sync.Once

func AppendSupported(more map[string]string) {
	supportedOnce.Do(func() {
		for name, kind := range more {
			supported[name] = kind
		}
	})
}

// A few bytes of /sys, read in microseconds.
var (
	smtOnce   sync.Once
	smtActive bool
)

func SMTActive() bool {
	smtOnce.Do(func() {
		data, _ := os.ReadFile("/sys/devices/system/cpu/smt/active")
		smtActive = len(data) > 0 && data[0] == '1'
	})
	return smtActive
}
