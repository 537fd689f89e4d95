package work

import (
	"os"
	"sync"
	"time"
)

// A Do whose function starts a loop that never ends runs a worker for the process's life:
// a latch, not a lazy value, whatever the loop does each round.

var (
	monitorOnce sync.Once
	monitored   []string
	watchOnce   sync.Once
	watched     []string
	pollOnce    sync.Once
	polled      []string
)

func StartMonitor(names []string) {
	monitorOnce.Do(func() {
		monitored = names
		monitorForever()
	})
}

func monitorForever() {
	for {
		time.Sleep(time.Second)
		for _, name := range monitored {
			check(name)
		}
	}
}

// A loop that a select's break does not leave is still endless.
func StartWatch(names []string, events chan string) {
	watchOnce.Do(func() {
		watched = names
		for {
			select {
			case e := <-events:
				if e == "" {
					break
				}
				for _, name := range watched {
					check(name + e)
				}
			}
		}
	})
}

// One the loop's own break leaves returns: the work over the names is postponed.
func StartPoll(names []string, done chan struct{}) {
	pollOnce.Do(func() { // want "SL002: pollOnce.Do sets package-level polled .*loops over data then \\(range polled\\)"
		polled = names
		for {
			if len(done) > 0 {
				break
			}
			for _, name := range polled {
				check(name)
			}
		}
	})
}

func check(string) {}

// Functional options are what the callers write: a handful, not data.

type Option func(*Client)

type Client struct{ retries int }

var (
	clientOnce sync.Once
	shared     *Client
	listOnce   sync.Once
	listed     *Client
)

func NewClient(opts ...Option) *Client {
	c := &Client{}
	for _, o := range opts {
		o(c)
	}
	return c
}

func Shared(opts ...Option) *Client {
	clientOnce.Do(func() { shared = NewClient(opts...) })
	return shared
}

// A slice parameter holds whatever the caller built.
func NewFromList(opts []Option) *Client {
	c := &Client{}
	for _, o := range opts {
		o(c)
	}
	return c
}

func Listed(opts []Option) *Client {
	listOnce.Do(func() { listed = NewFromList(opts) }) // want "SL002: listOnce.Do sets package-level listed .*range opts in NewFromList"
	return listed
}

// Loaded first, then refreshed by a worker in the background: the load is postponed.
var (
	refreshOnce sync.Once
	refreshed   []byte
	watchedOnce sync.Once
	watchedCfg  []byte
)

func Refreshed(path string) []byte {
	refreshOnce.Do(func() { // want "SL002: refreshOnce.Do sets package-level refreshed .*reads input"
		refreshed, _ = os.ReadFile(path)
		go refreshForever(path)
	})
	return refreshed
}

func refreshForever(path string) {
	for {
		time.Sleep(time.Minute)
		refreshed, _ = os.ReadFile(path)
	}
}

func WatchedConfig(path string, watch bool) []byte {
	watchedOnce.Do(func() { // want "SL002: watchedOnce.Do sets package-level watchedCfg .*reads input"
		watchedCfg, _ = os.ReadFile(path)
		if watch {
			refreshForever(path)
		}
	})
	return watchedCfg
}

// A variadic of values, not options: a caller may spread a slice into it.
var (
	indexOnce sync.Once
	wordIndex map[string]bool
	allWords  = loadWords()
)

func buildIndex(words ...string) map[string]bool {
	built := map[string]bool{}
	for _, w := range words {
		built[w] = true
	}
	return built
}

func Index() map[string]bool {
	indexOnce.Do(func() { wordIndex = buildIndex(allWords...) }) // want "SL002: indexOnce.Do sets package-level wordIndex .*range words in buildIndex"
	return wordIndex
}

func loadWords() []string { return nil }

// A variadic of values that every call writes out: a handful, like options.
var (
	registryOnce sync.Once
	registered   []string
)

func register(names ...string) []string {
	var kept []string
	for _, name := range names {
		kept = append(kept, name)
	}
	return kept
}

func Registered() []string {
	registryOnce.Do(func() { registered = register("requests", "errors", "latency") })
	return registered
}

// Spread over lines, as gofmt lays out a long call: the variadic is filled from a slice.
var (
	laidOutOnce sync.Once
	laidOut     []string
)

func keep(names ...string) []string {
	var kept []string
	for _, name := range names {
		kept = append(kept, name)
	}
	return kept
}

func LaidOut(all []string) []string {
	laidOutOnce.Do(func() { // want "SL002: laidOutOnce.Do sets package-level laidOut .*range names in keep"
		laidOut = keep(
			all...,
		)
	})
	return laidOut
}

// A comment naming a call, a method of the same name, and a function forwarding its own
// variadic spread nothing of the package's into `gather`.
var (
	gatherOnce sync.Once
	gathered   []string
)

// gather(...) keeps the names it is given.
func gather(names ...string) []string {
	var kept []string
	for _, name := range names {
		kept = append(kept, name)
	}
	return kept
}

type gatherer struct{}

func (gatherer) gather(names ...string) {}

func gatherAll(names ...string) []string { return gather(names...) }

func Gathered(all []string) []string {
	gatherer{}.gather(all...)
	gatherOnce.Do(func() { gathered = gatherAll("a", "b", "c") })
	return gathered
}

// A worker reached through two calls of the Do's own statements.
var (
	deepOnce sync.Once
	deepCfg  []byte
)

func Deep(path string) []byte {
	deepOnce.Do(func() {
		deepCfg, _ = os.ReadFile(path)
		startWatching(path)
	})
	return deepCfg
}

func startWatching(path string) { watchForever(path) }

func watchForever(path string) {
	for {
		time.Sleep(time.Minute)
		retry(func() error { return nil }) // a literal's return leaves only the literal
	}
}

func retry(func() error) {}
