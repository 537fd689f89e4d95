package main

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
)

type costAPI struct{}

// httprouter's routes run their handlers per request: a method value, and the closure a
// handler maker returns (the maker itself runs at startup).
func costRoutes() http.Handler {
	a := &costAPI{}
	router := httprouter.New()
	router.GET("/allocation", a.allocation)
	router.GET("/totals", a.totalsHandler())
	return router
}

func (a *costAPI) allocation(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	_ = onlyRouter(nil)
}

func (a *costAPI) totalsHandler() httprouter.Handle {
	prefix := shared(nil) // the maker's own work runs where it is called
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		_ = onlyRouter(prefix)
	}
}

func onlyRouter(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
