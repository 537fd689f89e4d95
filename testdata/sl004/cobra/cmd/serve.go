package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// A subcommand's RunE runs when main executes the root command, not while serveCmd is
// initialized: the entry point is main, through Execute.
var serveCmd = &cobra.Command{
	Use:  "serve",
	RunE: serve,
	PreRunE: func(cmd *cobra.Command, args []string) error {
		return viper.MergeInConfig() // want "SL004: viper.MergeInConfig .* from main.main: main -> cmd.Execute -> func literal at line 13; fix: set GOMEMLIMIT"
	},
}

func init() {
	rootCmd.AddCommand(serveCmd)
}

func serve(cmd *cobra.Command, args []string) error {
	return viper.ReadInConfig() // want "SL004: viper.ReadInConfig .* from main.main: main -> cmd.Execute -> cmd.serve; fix:"
}
