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

// A handler runs per request, after startup, however early it is registered: not flagged
// (gin-vue-admin reloads its config from one, open-im from a route).
func (h *handlers) reload(w http.ResponseWriter, r *http.Request) {
	_ = h.v.ReadInConfig()
}

func (h *handlers) reset(w http.ResponseWriter, r *http.Request) {
	h.loadAgain()
}

func (h *handlers) loadAgain() {
	_ = h.v.MergeInConfig()
}

// Reload callbacks kept in a slice and run by a request handler run after startup, though
// this search, which cannot see that onReload only keeps its argument, passes through them.
type events struct{ reloads []func() error }

var bus = &events{}

func (e *events) onReload(f func() error) { e.reloads = append(e.reloads, f) }

func (e *events) trigger() {
	for _, f := range e.reloads {
		_ = f()
	}
}

func (h *handlers) triggerReload(w http.ResponseWriter, r *http.Request) { bus.trigger() }

func init() {
	bus.onReload(func() error { return viper.ReadInConfig() })
	h := &handlers{v: viper.New()}
	http.HandleFunc("/reload", h.reload)
	http.HandleFunc("/trigger", h.triggerReload)
	mux := http.NewServeMux()
	mux.Handle("/reset", http.HandlerFunc(h.reset))
	debug.SetMemoryLimit(512 << 20)
	http.HandleFunc("/load", func(w http.ResponseWriter, r *http.Request) {
		_ = viper.ReadInConfig() // registered after the limit was set: not flagged
	})
	go func() {
		_ = viper.ReadInConfig() // started after the limit was set: not flagged
	}()
}
