// A CLI that sets up controller-runtime's signal handler beside its cobra root: its commands
// tell whether it serves, and `describe` does not.
package main

import (
	"os"

	"github.com/spf13/cobra"
	"sigs.k8s.io/controller-runtime/pkg/manager/signals"
)

var rootCmd = &cobra.Command{Use: "botctl"}

var describeCmd = &cobra.Command{Use: "describe", Run: func(cmd *cobra.Command, args []string) { described(args) }}

func main() {
	ctx := signals.SetupSignalHandler()
	rootCmd.AddCommand(describeCmd)
	described(os.Args)
	_ = rootCmd.ExecuteContext(ctx)
}

func described(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
