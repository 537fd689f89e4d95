// cobra: a command built by a function, its RunE wrapped by a helper that returns the
// function cobra runs.
package main

import "github.com/spf13/cobra"

type runFunc func(cmd *cobra.Command, args []string) error

// reportErrors returns a run function that runs `run` and prints what it returns.
func reportErrors(run runFunc) runFunc {
	return func(cmd *cobra.Command, args []string) error {
		err := run(cmd, args)
		if err != nil {
			println(err.Error())
		}
		return err
	}
}

type completeFunc func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective)

// completeWith returns a completion function: it runs when a shell asks, never at startup.
func completeWith(list func(args []string) []string) completeFunc {
	return func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		return list(args), cobra.ShellCompDirectiveNoFileComp
	}
}

func newServeCommand() *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		RunE: reportErrors(func(cmd *cobra.Command, args []string) error {
			serving(args)
			return nil
		}),
		ValidArgsFunction: completeWith(completing),
	}
}

func main() {
	root := &cobra.Command{Use: "app"}
	root.AddCommand(newServeCommand())
	_ = root.Execute()
}

func serving(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func completing(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
