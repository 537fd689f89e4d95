// A binary whose `serve` command runs the daemon: its other commands, built in a function
// and wrapped by a helper or not, are no program's startup.
package main

import (
	"net/http"
	"os"

	"github.com/urfave/cli/v2"
)

// withErrors returns the action cli runs: it runs `f`.
func withErrors(f cli.ActionFunc) cli.ActionFunc {
	return func(c *cli.Context) error { return f(c) }
}

func commands() []*cli.Command {
	return []*cli.Command{
		{
			Name: "access",
			Subcommands: []*cli.Command{
				{Name: "login", Action: withErrors(login)},
				{Name: "logout", Action: logout},
			},
		},
		{Name: "serve", Action: withErrors(serve)},
	}
}

func main() {
	app := &cli.App{Commands: commands()}
	_ = app.Run(os.Args)
}

func serve(c *cli.Context) error {
	routes(c.Args().Slice())
	return http.ListenAndServe(":8080", nil)
}

func routes(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func login(c *cli.Context) error {
	_ = tokens(c.Args().Slice())
	return nil
}

func logout(c *cli.Context) error {
	_ = tokens(nil)
	return nil
}

func tokens(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
