package client

import "sync"

var (
	logOnce  sync.Once
	logSinks map[string]int
)

// A Do in func init fires during startup, before anything else can call it: not lazy.
func init() {
	logOnce.Do(func() { logSinks = make(map[string]int) })
}

// Likewise in a package-level initializer, even through a literal invoked on the spot.
var _ = func() bool {
	logOnce.Do(func() { logSinks = map[string]int{} })
	return true
}()

// A literal stored from init may run at any later time, but the startup model counts a
// function value as run where it is stored (from init): a Do reached at startup fires
// during startup, so nothing is reported.
var onFirstLog func()

func init() {
	onFirstLog = func() {
		logOnce.Do(func() { logSinks = openSinks() })
	}
}

func openSinks() map[string]int { return map[string]int{"stderr": 2} }
