// A worker that waits for its shutdown signal but listens on no port and runs no server: a
// batch program as far as startup goes, with no readiness for its startup to delay (a test
// run or a migration, run once by a Job, catches the signal the same way).
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	queues(nil)
	<-ctx.Done()
}

func queues(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
