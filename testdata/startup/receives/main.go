// A loop receiving from a channel runs its body once per message, for the life of the
// process: what only its body calls is not startup code. A loop over anything else, or over
// a value whose type is not known, still runs at startup.
package main

import (
	"example.com/receives/bus"
	"github.com/acme/stream"
)

func feed() chan string { return make(chan string) }

func main() {
	cl := &bus.Client{Messages: make(chan string)}
	names := []string{"a"}
	for _, n := range names {
		perItem(n)
	}
	for x := range stream.Open() {
		unknownSource(x)
	}
	for i := 0; i < 3; i++ {
		select {
		case <-cl.Messages:
			boundedWait(nil)
		}
	}
	go consume(nil)
	local := make(chan string)
	for m := range local {
		onLocal(m)
	}
	for m := range feed() {
		onFeed(m)
	}
	for m := range bus.Subscribe().Updates() {
		onUpdate(m)
	}
	for m := range bus.Events {
		onEvent(m)
	}
	drain(cl.Messages)
	for m := range cl.Messages {
		onField(m)
	}
	done := make(chan struct{})
	for {
		select {
		case m := <-cl.Messages:
			onSelect(m)
		case <-done:
			return
		}
	}
}

func drain(in <-chan string) {
	for m := range in {
		onParam(m)
	}
}

func consume(in []string) {}

func grow(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func perItem(x string) {
	var out []string // want "SL003"
	for _, c := range x {
		out = append(out, string(c))
	}
	_ = out
}

func unknownSource(x string) {
	var out []string // want "SL003"
	for _, c := range x {
		out = append(out, string(c))
	}
	_ = out
}

func boundedWait(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onLocal(m string)  { grow(nil) }
func onFeed(m string)   { grow(nil) }
func onUpdate(m string) { grow(nil) }
func onEvent(m string)  { grow(nil) }
func onField(m string)  { grow(nil) }
func onSelect(m string) { grow(nil) }
func onParam(m string)  { grow(nil) }
