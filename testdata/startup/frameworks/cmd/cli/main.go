// urfave/cli: Action and Before run at startup, in the app and in its commands.
package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

func main() {
	app := &cli.App{
		Before: before,
		Action: action,
		Commands: []*cli.Command{
			{Name: "sync", Action: syncCommand},
		},
	}
	_ = app.Run(os.Args)
}

func before(c *cli.Context) error { beforeHelper(nil); return nil }

func action(c *cli.Context) error { actionHelper(nil); return nil }

func syncCommand(c *cli.Context) error { syncHelper(nil); return nil }

func beforeHelper(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func actionHelper(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func syncHelper(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
