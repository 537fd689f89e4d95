// A binary of kingpin commands, each run in a case of a switch over the command parsed, and
// handlers that registered commands add (velociraptor's `fs cat` beside its frontend): only
// the command that serves is a program's startup.
package main

import (
	"net/http"
	"os"

	"gopkg.in/alecthomas/kingpin.v2"
)

var (
	app      = kingpin.New("tool", "")
	serveCmd = app.Command("serve", "")
	catCmd   = app.Command("cat", "")
	lsCmd    = app.Command("ls", "")

	handlers []func(string) bool
)

func init() {
	handlers = append(handlers, func(command string) bool {
		switch command {
		case lsCmd.FullCommand():
			_ = listing(os.Args)
		default:
			return false
		}
		return true
	})
}

func main() {
	switch command := kingpin.MustParse(app.Parse(os.Args[1:])); command {
	case serveCmd.FullCommand():
		// Its calls are one command: the server's constructor is setup work of the serving one.
		srv := newServer(os.Args)
		srv.serve()
	case catCmd.FullCommand():
		c := newCatter(os.Args)
		_ = c.count()
	default:
		for _, handle := range handlers {
			if handle(command) {
				return
			}
		}
	}
}

type server struct{ routes []string }

func newServer(in []string) *server {
	return &server{routes: routes(in)}
}

func (s *server) serve() {
	_ = http.ListenAndServe(":8080", nil)
}

type catter struct{ lines []string }

func newCatter(in []string) *catter {
	return &catter{lines: cat(in)}
}

func (c *catter) count() int { return len(c.lines) }

func routes(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func cat(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func listing(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
