package main

import (
	"net/http"

	"github.com/uptrace/bunrouter"
)

type spanHandler struct{}

// bunrouter's routes, in a group its function fills at startup, run per request.
func spanRoutes() *bunrouter.Router {
	h := &spanHandler{}
	r := bunrouter.New()
	r.WithGroup("/api", func(g *bunrouter.Group) {
		g.GET("/spans", h.List)
	})
	return r
}

func (h *spanHandler) List(w http.ResponseWriter, req bunrouter.Request) error {
	_ = onlyBunrouter(nil)
	return nil
}

func onlyBunrouter(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
