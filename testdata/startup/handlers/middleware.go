package main

import (
	"encoding/json"
	"net/http"
	"os"
)

// A middleware that a function of the module makes (`authorizer := basicAuth(user)`) wraps
// the handler it is given in another, which runs it per request: not at startup.
func basicAuth(user string) func(func(http.ResponseWriter, *http.Request)) http.Handler {
	return func(f func(http.ResponseWriter, *http.Request)) http.Handler {
		h := http.HandlerFunc(f)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if user != "" {
				h.ServeHTTP(w, r)
			}
		})
	}
}

func backupHandler() func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		var request struct{ Names []string }
		_ = json.NewDecoder(r.Body).Decode(&request)
		var names []string
		for _, name := range request.Names {
			names = append(names, name)
		}
		_ = names
	}
}

// One whose result calls what it is given at once: what it is given runs where it is made.
func eager(label string) func(func() []string) []string {
	return func(f func() []string) []string { return append(f(), label) }
}

func loadNames() func() []string {
	return func() []string {
		var request struct{ Names []string }
		_ = json.NewDecoder(os.Stdin).Decode(&request)
		var names []string // want "SL003"
		for _, name := range request.Names {
			names = append(names, name)
		}
		return names
	}
}

func registerBackups(mux *http.ServeMux) {
	authorizer := basicAuth("admin")
	mux.Handle("/backup", authorizer(backupHandler()))
	mux.Handle("/restore", basicAuth("admin")(backupHandler()))
	run := eager("x")
	_ = run(loadNames())
}
