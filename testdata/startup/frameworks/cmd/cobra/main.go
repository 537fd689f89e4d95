// cobra: the Run fields of a command and cobra.OnInitialize run at startup, where Execute runs them.
package main

import "github.com/spf13/cobra"

var root = &cobra.Command{
	Use:               "app",
	PersistentPreRunE: prepare,
	RunE:              run,
}

func init() {
	cobra.OnInitialize(initConfig)
}

func main() {
	_ = root.Execute()
}

func prepare(cmd *cobra.Command, args []string) error { preparing(args); return nil }

func run(cmd *cobra.Command, args []string) error { running(args); return nil }

func initConfig() { configuring(nil) }

func preparing(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func running(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func configuring(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// A command's function assigned to its field after the literal runs where the framework runs it.
var version = &cobra.Command{Use: "version"}

func init() {
	version.RunE = func(cmd *cobra.Command, args []string) error { printing(args); return nil }
	root.AddCommand(version)
}

func printing(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
