package main

import restful "github.com/emicklei/go-restful/v3"

type api struct{}

// go-restful routes run their functions per request.
func routes() *restful.WebService {
	a := &api{}
	ws := new(restful.WebService)
	ws.Route(ws.GET("/pods").To(a.listPods))
	ws.Filter(a.logRequests)
	return ws
}

func (a *api) listPods(req *restful.Request, resp *restful.Response) { _ = onlyRoute(nil) }

func (a *api) logRequests(req *restful.Request, resp *restful.Response, chain *restful.FilterChain) {
	_ = onlyRoute(nil)
}

func onlyRoute(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
