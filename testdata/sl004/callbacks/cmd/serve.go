package cmd

import (
	"net/http"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var serveCmd = &cobra.Command{
	Use:  "serve",
	RunE: runServe,
}

var checkCmd = &cobra.Command{
	Use: "check",
	RunE: func(cmd *cobra.Command, args []string) error {
		return viper.MergeInConfig() // want "SL004: .* from the initializer of package-level var checkCmd \\(package cmd\\): the initializer of var checkCmd -> func literal at line 18;"
	},
}

// settings is loaded while the package initializes.
var settings = mustLoad()

func mustLoad() map[string]any {
	if err := viper.ReadInConfig(); err != nil { // want "SL004: .* from the initializer of package-level var settings"
		panic(err)
	}
	return viper.AllSettings()
}

func runServe(cmd *cobra.Command, args []string) error {
	if err := viper.ReadInConfig(); err != nil { // want "SL004: .* from the initializer of package-level var serveCmd"
		return err
	}
	return http.ListenAndServe(":8080", nil)
}

type handlers struct{ v *viper.Viper }

func (h *handlers) reload(w http.ResponseWriter, r *http.Request) {
	_ = h.v.ReadInConfig() // want "SL004: .* from func init of package cmd: init -> handlers.reload;"
}

func init() {
	h := &handlers{v: viper.New()}
	http.HandleFunc("/reload", h.reload)
	debug.SetMemoryLimit(512 << 20)
	http.HandleFunc("/load", func(w http.ResponseWriter, r *http.Request) {
		_ = viper.ReadInConfig() // registered after the limit was set: not flagged
	})
	go func() {
		_ = viper.ReadInConfig() // started after the limit was set: not flagged
	}()
}
