// client-go's leader election runs the leader's work once elected: startup of a leader.
package main

import (
	"context"

	"k8s.io/client-go/tools/leaderelection"
)

func main() {
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: lead,
			OnStoppedLeading: func() {},
		},
	})
}

func lead(ctx context.Context) { leading(nil) }

func leading(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
