// A CLI whose root catches SIGINT and SIGTERM around its commands: its commands tell whether
// it serves, and `get` does not.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{Use: "kubectl-tool"}

var getCmd = &cobra.Command{Use: "get", Run: func(cmd *cobra.Command, args []string) { listed(args) }}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	go func() { <-stop; cancel() }()
	rootCmd.AddCommand(getCmd)
	listed(os.Args) // the CLI's own preparation: no service's startup
	_ = rootCmd.ExecuteContext(ctx)
}

func listed(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
