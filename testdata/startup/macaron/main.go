// macaron and flamego routes run per request: what only a route's handler calls is not
// startup code. The function given to Group registers routes while the program starts.
package main

import (
	"github.com/flamego/flamego"
	"gopkg.in/macaron.v1"
)

func main() {
	m := macaron.New()
	m.Use(logRequests)
	m.Get("/", home)
	m.Combo("/settings").Get(settings).Post(saveSettings)
	m.Group("/admin", func() {
		m.Any("/users", requireAdmin, users)
		m.Route("/hooks", "GET,POST", hooks)
		adminRoutes(nil)
	})
	m.NotFound(notFound)

	f := flamego.New()
	f.Group("/api", func() {
		f.Post("/token", issueToken)
	})
	f.Combo("/keys").Get(listKeys)

	shared(nil)
}

func logRequests(ctx *macaron.Context)  { onlyHandlers(nil) }
func home(ctx *macaron.Context)         { onlyHandlers(nil); shared(nil) }
func settings(ctx *macaron.Context)     { onlyHandlers(nil) }
func saveSettings(ctx *macaron.Context) { onlyHandlers(nil) }
func requireAdmin(ctx *macaron.Context) { onlyHandlers(nil) }
func users(ctx *macaron.Context)        { onlyHandlers(nil) }
func hooks(ctx *macaron.Context)        { onlyHandlers(nil) }
func notFound(ctx *macaron.Context)     { onlyHandlers(nil) }
func issueToken(c flamego.Context)      { onlyHandlers(nil) }
func listKeys(c flamego.Context)        { onlyHandlers(nil) }

func onlyHandlers(in []string) []string {
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

// Called in the Group's function, which runs at startup.
func adminRoutes(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
