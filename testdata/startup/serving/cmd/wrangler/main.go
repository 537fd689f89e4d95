// rancher/wrangler's signal context: a controller that waits for its shutdown signal.
package main

import "github.com/rancher/wrangler/v3/pkg/signals"

func main() {
	ctx := signals.SetupSignalContext()
	watched(nil)
	<-ctx.Done()
}

func watched(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
