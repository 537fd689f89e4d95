// A server command that the package's init adds to the root, built by a constructor: main
// serves through it, so what init reaches of it is a service's startup.
package main

import (
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{Use: "operator"}

func init() {
	rootCmd.AddCommand(newStartCommand())
}

func newStartCommand() *cobra.Command {
	return &cobra.Command{Use: "start", RunE: start}
}

func start(cmd *cobra.Command, args []string) error {
	upgrades(os.Args)
	return http.ListenAndServe(":8383", nil)
}

func main() {
	_ = rootCmd.Execute()
}

func upgrades(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
