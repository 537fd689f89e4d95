// A case of kingpin's parsed command runs as one command: it serves when one of its calls
// does, written in it (a library's server), in a goroutine or as a value, and then what it
// builds first is its setup. A call through an interface with several implementations does
// not decide: which one it runs is not known.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"gopkg.in/alecthomas/kingpin.v2"
)

var (
	app     = kingpin.New("tool", "")
	httpCmd = app.Command("http", "")
	rpcCmd  = app.Command("rpc", "")
	taskCmd = app.Command("task", "")
	dumpCmd = app.Command("dump", "")
)

type runner interface{ Run() }

func main() {
	switch kingpin.MustParse(app.Parse(os.Args[1:])) {
	case httpCmd.FullCommand():
		mux := newMux(os.Args)
		log.Fatal(http.ListenAndServe(":8080", mux))
	case rpcCmd.FullCommand():
		srv := newRPC(os.Args)
		go srv.serve()
		select {}
	case taskCmd.FullCommand():
		var r runner = newTask(os.Args)
		r.Run()
	case dumpCmd.FullCommand():
		var r runner = newDump(os.Args)
		r.Run()
	}
}

func newMux(in []string) *http.ServeMux {
	mux := http.NewServeMux()
	for _, path := range paths(in) {
		mux.HandleFunc(path, func(http.ResponseWriter, *http.Request) {})
	}
	return mux
}

func paths(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, "/"+x)
	}
	return out
}

type rpcServer struct{ methods []string }

func newRPC(in []string) *rpcServer {
	return &rpcServer{methods: methods(in)}
}

func methods(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func (s *rpcServer) serve() {
	listener, err := net.Listen("tcp", ":9090")
	if err != nil {
		return
	}
	_ = http.Serve(listener, nil)
}

type taskRunner struct{ steps []string }

func newTask(in []string) runner { return &taskRunner{steps: steps(in)} }

func (t *taskRunner) Run() { _ = http.ListenAndServe(":8081", nil) }

// Not known to be the serving command's: its case runs Run through the interface.
func steps(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

type dumpRunner struct{ lines []string }

func newDump(in []string) runner { return &dumpRunner{lines: lines(in)} }

func (d *dumpRunner) Run() { _ = len(d.lines) }

// The dump command prints and exits: not startup.
func lines(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
