package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var rootCmd = &cobra.Command{
	Use: "limited",
	PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
		return viper.ReadInConfig() // not flagged: main set the limit before Execute
	},
}

func Execute() {
	cobra.CheckErr(rootCmd.ExecuteContext(nil))
}
