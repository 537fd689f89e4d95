// Handlers run per request, after startup: what only a handler calls is not startup code,
// what main calls too is.
package main

import (
	"encoding/json"
	"io"
	"net/http"

	"example.com/handlers/pb"
	"example.com/handlers/web"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/justinas/alice"
	"github.com/labstack/echo/v4"
	"google.golang.org/grpc"
)

type server struct{}

func (s *server) handleStd(w http.ResponseWriter, r *http.Request) { onlyStd(nil); shared(nil) }

func (s *server) GetItem(req *pb.Request) { onlyGRPC(nil) }

func main() {
	s := &server{}
	exportCallbacks()
	registerBootstrap(nil)
	_ = costRoutes()
	_ = spanRoutes()
	ledgerRoutes(nil)
	registerJobs(nil)
	registerBackups(http.NewServeMux())
	subscribe(nil, nil, nil, nil)
	mcpTools(nil)
	watchConfig()
	(&provider{}).routes(http.NewServeMux())
	_ = routes()
	uploadRoutes(web.New())
	_ = healthCheck()
	http.HandleFunc("/std", s.handleStd)
	http.Handle("/wrapped", logged(http.HandlerFunc(wrapped)))
	http.HandleFunc("/literal", func(w http.ResponseWriter, req *http.Request) { onlyLiteral(nil) })

	r := chi.NewRouter()
	r.Get("/chi", chiHandler)

	m := mux.NewRouter()
	m.HandleFunc("/mux", muxHandler).Methods("GET")
	// A route's Handler, given a middleware chain's wrapper of a method value.
	chain := alice.New()
	m.Path("/auth").Handler(chain.ThenFunc(s.authOnly))
	route := m.PathPrefix("/")
	route.Handler(chain.Then(http.HandlerFunc(s.proxy)))

	g := gin.New()
	g.GET("/gin", ginHandler)

	e := echo.New()
	e.POST("/echo", echoHandler)

	f := fiber.New()
	f.Get("/fiber", fiberHandler)

	gs := grpc.NewServer()
	pb.RegisterItemsServer(gs, s)

	shared(nil)
	decodeAtStartup(nil)
}

// logged wraps a handler at startup; the handler inside still runs per request.
func logged(h http.Handler) http.Handler { return h }

func wrapped(w http.ResponseWriter, r *http.Request) { onlyWrapped(nil) }

func chiHandler(w http.ResponseWriter, r *http.Request) { onlyChi(nil) }

func muxHandler(w http.ResponseWriter, r *http.Request) { onlyMux(nil) }

func (s *server) authOnly(w http.ResponseWriter, r *http.Request) { onlyMux(nil) }

func (s *server) proxy(w http.ResponseWriter, r *http.Request) { onlyMux(nil) }

func ginHandler(c *gin.Context) { onlyGin(nil) }

func echoHandler(c echo.Context) error { onlyEcho(nil); decodeRequest(c.Request().Body); return nil }

func fiberHandler(c *fiber.Ctx) error { onlyFiber(nil); return nil }

func decodeRequest(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v)
}

func decodeAtStartup(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
}

func shared(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyStd(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyGRPC(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyLiteral(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyWrapped(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyChi(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyMux(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyGin(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyEcho(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyFiber(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// A table of probes, built while the package initializes: the functions in it are stored
// for later (each runs per probe), not called by the initializer.
var probes = map[string]func(io.Reader){
	"http": probeHTTP,
}

func probeHTTP(body io.Reader) {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v)
}

// Called from an initializer, a function runs at startup.
var warmed = warm(nil)

func warm(body io.Reader) bool {
	data, _ := io.ReadAll(body)
	var v []any
	_ = json.Unmarshal(data, &v) // want "SL008"
	return v != nil
}
