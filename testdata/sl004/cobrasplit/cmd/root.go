package cmd

import "github.com/spf13/cobra"

// No load in this file: its facts are completed only because a command's function reaches one.
var rootCmd = &cobra.Command{Use: "split"}

func Execute() {
	cobra.CheckErr(rootCmd.Execute())
}
