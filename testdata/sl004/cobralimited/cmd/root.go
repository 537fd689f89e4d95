package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var root = &cobra.Command{Use: "limited"}

func init() { cobra.OnInitialize(load) }

// Run by root.Execute, after main set the memory limit: not flagged.
func load() { _ = viper.ReadInConfig() }

func Execute() { cobra.CheckErr(root.Execute()) }
