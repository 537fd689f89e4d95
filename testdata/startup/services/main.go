// Service frameworks keep a service's functions and run them in the service's goroutine
// once it is started; errgroup starts a goroutine. None of these runs before main goes on.
package main

import (
	"context"
	"time"

	"github.com/grafana/dskit/services"
	"github.com/oklog/run"
	"golang.org/x/sync/errgroup"
)

type cleaner struct{ services.Service }

func newCleaner() *cleaner {
	c := &cleaner{}
	c.Service = services.NewTimerService(time.Hour, c.starting, c.tick, nil)
	return c
}

func (c *cleaner) starting(ctx context.Context) error { _ = sweep(nil); return nil }

func (c *cleaner) tick(ctx context.Context) error { return nil }

func main() {
	c := newCleaner()
	_ = c.StartAsync(context.Background())

	var group run.Group
	group.Add(func() error { _ = serveLoop(nil); return nil }, func(error) {})

	var g errgroup.Group
	g.Go(func() error { _ = warm(nil); return nil })

	_ = configure(nil)
	_ = group.Run()
}

func sweep(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func serveLoop(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func warm(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Called by main itself: startup code.
func configure(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
