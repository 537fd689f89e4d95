// A project's own route helper registers the handler it is given: the handler runs per
// request, so it is not startup code, even though the helper itself runs at startup.
package main

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/go-chi/chi/v5"
)

type api struct{}

// route registers f through net/http, inside a closure that adapts its signature.
func route(mux *http.ServeMux, path string, f func(*http.Request) error) {
	mux.HandleFunc("/"+path, func(w http.ResponseWriter, req *http.Request) {
		if err := f(req); err != nil {
			w.WriteHeader(http.StatusInternalServerError)
		}
	})
}

// chiRoute does the same through chi, with the closure held by a local first.
func chiRoute(r chi.Router, path string, f func(*http.Request) error) {
	handle := func(w http.ResponseWriter, req *http.Request) { _ = f(req) }
	r.Get("/"+path, handle)
}

// nested hands f on to route: still registered, never called.
func nested(mux *http.ServeMux, f func(*http.Request) error) { route(mux, "nested", f) }

// warmUp calls what it is given right away.
func warmUp(f func(*http.Request) error) { _ = f(nil) }

func main() {
	a := &api{}
	mux := http.NewServeMux()
	route(mux, "scrobble", a.Scrobble)
	nested(mux, a.Star)
	r := chi.NewRouter()
	chiRoute(r, "rate", a.Rate)
	warmUp(a.Warm)
}

func (a *api) Scrobble(req *http.Request) error { return decode(req.Body) }

func (a *api) Star(req *http.Request) error { return decodeStar(req.Body) }

func (a *api) Rate(req *http.Request) error { return decodeRate(req.Body) }

func (a *api) Warm(req *http.Request) error { return decodeWarm(nil) }

func decode(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func decodeStar(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func decodeRate(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v)
}

func decodeWarm(body io.Reader) error {
	data, _ := io.ReadAll(body)
	var v []any
	return json.Unmarshal(data, &v) // want "SL008"
}
