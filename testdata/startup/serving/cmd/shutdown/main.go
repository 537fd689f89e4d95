// What a function does after a call that serves until the program stops runs as it shuts
// down: the server's arguments and what comes before run at startup, what follows does not.
package main

import (
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{Use: "shutdown", RunE: serve}

func main() {
	err := rootCmd.Execute()
	flush(err) // after the command has run, and stopped serving
	os.Exit(1)
}

func serve(cmd *cobra.Command, args []string) error {
	prepare(args)
	srv := &http.Server{Addr: ":8080", Handler: routes(args)}
	if err := srv.ListenAndServe(); err != nil {
		drain(args) // once the server has stopped
		return err
	}
	go watch(args) // not reached either way: after the server stops
	return nil
}

func routes(in []string) http.Handler {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	_ = out
	return http.NewServeMux()
}

func prepare(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func drain(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func flush(err error) []string {
	var out []string
	for _, x := range os.Args {
		out = append(out, x+err.Error())
	}
	return out
}

func watch(in []string) {}
