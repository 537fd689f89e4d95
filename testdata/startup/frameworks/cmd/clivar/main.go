// urfave/cli with a package-level app: its Action and its commands' Actions run where main
// runs the app, not while the variable is initialized.
package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

var app = &cli.App{
	Action: serve,
	Commands: []*cli.Command{
		{Name: "sync", Action: syncAll},
	},
}

func main() {
	_ = app.Run(os.Args)
}

func serve(c *cli.Context) error { serving(nil); return nil }

func syncAll(c *cli.Context) error { syncing(nil); return nil }

func serving(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func syncing(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
