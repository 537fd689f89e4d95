// Replays its arguments and exits: archive.Run's `t.Start()` may run any Task, but the
// serving node's Start is of a package this program never imports, so it never runs here.
package main

import (
	"os"

	"example.com/serving/archive"
)

type replay struct{ args []string }

func (r replay) Start() error {
	_ = configured(r.args)
	return nil
}

func main() {
	if archive.Run(replay{os.Args}) != nil {
		os.Exit(1)
	}
}

func configured(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
