package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var serveCmd = &cobra.Command{Use: "serve", RunE: serve}

func init() {
	rootCmd.AddCommand(serveCmd)
}

func serve(cmd *cobra.Command, args []string) error {
	return viper.ReadInConfig() // want "SL004: viper.ReadInConfig .* from main.main: main -> cmd.Execute -> cmd.serve; fix:"
}
