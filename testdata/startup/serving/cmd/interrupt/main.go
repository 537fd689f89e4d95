// A command that catches Ctrl-C for the length of its own run (Notify, then Stop when it
// returns) and exits: it serves nothing.
package main

import (
	"os"
	"os/signal"
)

func main() {
	run()
	snapshot()
}

// Stop in the literal it defers, beside the cleanup.
func snapshot() {
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt)
	defer func() {
		signal.Stop(interrupted)
		download(nil)
	}()
}

func run() {
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt)
	defer signal.Stop(interrupted)
	download(nil)
}

func download(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
