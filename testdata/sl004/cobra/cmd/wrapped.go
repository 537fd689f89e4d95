package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

// A wrapper in a command field returns what the command runs: the wrapper, its closure and
// the function passed to it are reached from main through Execute, not from the initializer.
var checkCmd = &cobra.Command{
	Use: "check",
	RunE: withConfig(func(cmd *cobra.Command, args []string) error {
		return viper.MergeInConfig() // want "SL004: viper.MergeInConfig .* from main.main: main -> cmd.Execute -> func literal at line 12; fix:"
	}),
}

func init() {
	rootCmd.AddCommand(checkCmd)
}

func withConfig(run func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := viper.ReadInConfig(); err != nil { // want "SL004: viper.ReadInConfig .* from main.main: main -> cmd.Execute -> cmd.withConfig -> func literal at line 22; fix:"
			return err
		}
		return run(cmd, args)
	}
}
