// traefik/paerser: the Run field of a command built in main runs at startup.
package main

import (
	"os"

	"github.com/traefik/paerser/cli"
)

func main() {
	cmd := &cli.Command{
		Name: "proxy",
		Run: func(args []string) error {
			setup(args)
			return nil
		},
	}
	_ = cli.Execute(cmd)
	_ = os.Args
}

func setup(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
