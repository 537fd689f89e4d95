// A binary whose `serve` command runs the daemon and whose `list` command prints and exits:
// only the daemon's startup is reported, and what both run is reached through serve.
package main

import (
	_ "example.com/serving/common"
	"net/http"

	"github.com/spf13/cobra"
)

var root = &cobra.Command{Use: "app", PersistentPreRunE: prepare}

var listCmd = &cobra.Command{Use: "list", RunE: list}

var serveCmd = &cobra.Command{Use: "serve", RunE: serve}

func init() {
	root.AddCommand(listCmd, serveCmd)
	registry(nil)
}

func main() {
	_ = root.Execute()
}

// Runs before every command, serve's too.
func prepare(cmd *cobra.Command, args []string) error { preparing(args); return nil }

func list(cmd *cobra.Command, args []string) error {
	listing(args)
	shared(args)
	return nil
}

func serve(cmd *cobra.Command, args []string) error {
	shared(args)
	serving(args)
	return http.ListenAndServe(":8080", nil)
}

func registry(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func preparing(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func listing(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func shared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func serving(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
