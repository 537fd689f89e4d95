package work

import (
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
