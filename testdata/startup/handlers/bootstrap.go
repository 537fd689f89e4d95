package main

import (
	"encoding/json"
	"io"
	"net/http"
)

// A handler registered on a mux the model cannot type (bootstrap_routes.go): known by its
// type, func(http.ResponseWriter, *http.Request), it still runs per request.
type bootstrapHandler struct{}

func (b *bootstrapHandler) Handle(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	var v []any
	_ = json.Unmarshal(data, &v)
}

// Of another type, a function value given to the same unknown library may run at startup.
func (b *bootstrapHandler) Warm(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}
