package client

import (
	"regexp"
	"sync"
)

var quietOnce sync.Once

// Variables the function declares itself are not package state.
func ownVariables() {
	quietOnce.Do(func() {
		client := &Client{}
		client.cache = nil
		var counter int
		counter++
		_ = counter
	})
}

// Locals and named results of the caller are not package state.
func callerLocals() (result *Client) {
	var local *Client
	quietOnce.Do(func() {
		local = &Client{}
		result = local
	})
	return
}

// Nothing is assigned: the closure only calls.
func sideEffects() {
	quietOnce.Do(func() { register() })
	quietOnce.Do(register)
}

func register() {}

// Receiver fields: the Once belongs to the value, not the package.
type lazy struct {
	once  sync.Once
	value *Client
}

func (p *lazy) get() *Client {
	p.once.Do(func() { p.value = &Client{} })
	return p.value
}

// A local Once.
func localOnce() {
	var once sync.Once
	once.Do(func() { client = &Client{} })
}

// The recommended forms.
var (
	getClient  = sync.OnceValue(func() *Client { return &Client{} })
	getBoth    = sync.OnceValues(dial)
	warmUpOnce = sync.OnceFunc(func() { counter = 1 })
)

// Do of something that is not a sync.Once.
type group struct{}

func (group) Do(f func()) { f() }

var work group

func notOnce() {
	work.Do(func() { client = &Client{} })
}

// Writing through a pointer changes what it points to, not a package variable.
func throughPointer(p *Client) {
	quietOnce.Do(func() { *p = Client{} })
}

var (
	probeOnce sync.Once
	readFn    func() string
	enabled   bool
)

func readPlain() string { return "" }

// A lazy choice among ready values: nothing is computed or allocated on first use.
func Read() string {
	probeOnce.Do(func() {
		readFn = readPlain
		enabled = true
	})
	return readFn()
}

var (
	patternOnce sync.Once
	pattern     *regexp.Regexp
	byCountry   = map[string]*regexp.Regexp{}
	byKind      map[string]*regexp.Regexp
	patternErr  error
)

func buildExpression() string { return `^[a-z]+$` }

// Compiling is measurable work (a short pattern: about 9 us and 4.7 KB; see the help):
// reported, with sync.OnceValue as the fix, which keeps it lazy as SL001 asks.
func Pattern() *regexp.Regexp {
	patternOnce.Do(func() { // want "SL002: patternOnce.Do sets package-level pattern .*compiles a pattern or template then \\(regexp.MustCompile\\)"
		pattern = regexp.MustCompile(buildExpression())
		pattern.Longest()
		byKind = map[string]*regexp.Regexp{"id": regexp.MustCompile(`^\d+$`), "tag": regexp.MustCompile(`^#\w+$`)}
		for country, p := range map[string]string{"NL": `^\d{4}[A-Z]{2}$`} {
			byCountry[country] = regexp.MustCompile(p)
		}
	})
	return pattern
}

// With its error, too: both results come from the compilation.
func CheckedPattern() (*regexp.Regexp, error) {
	patternOnce.Do(func() { pattern, patternErr = regexp.Compile(buildExpression()) }) // want "SL002: .*\\(regexp.Compile\\).*the error goes to package-level patternErr"
	return pattern, patternErr
}
