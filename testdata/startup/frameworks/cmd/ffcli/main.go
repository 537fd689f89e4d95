// peterbourgon/ff: a command's Exec runs at startup, when ParseAndRun runs the command it
// belongs to; here the command is built by a function, not held in a package variable.
package main

import (
	"context"
	"os"

	"github.com/peterbourgon/ff/v3/ffcli"
)

func rootCmd() *ffcli.Command {
	return &ffcli.Command{
		Name: "indexserver",
		Exec: func(ctx context.Context, args []string) error {
			serve(nil)
			return nil
		},
	}
}

func main() {
	_ = rootCmd().ParseAndRun(context.Background(), os.Args[1:])
}

func serve(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
