// A case of kingpin's parsed command runs as one command: it serves when one of its calls
// does, written in it (a library's server), in a goroutine or as a value, and then what it
// builds first is its setup. A call through an interface with several implementations does
// not decide: which one it runs is not known; nor does a server on the loopback address (a
// login's callback). What a case passes as a value runs with its command, and what follows
// the switch runs once the command is done.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"golang.org/x/sync/errgroup"
	"gopkg.in/alecthomas/kingpin.v2"
)

var (
	app      = kingpin.New("tool", "")
	httpCmd  = app.Command("http", "")
	rpcCmd   = app.Command("rpc", "")
	taskCmd  = app.Command("task", "")
	dumpCmd  = app.Command("dump", "")
	loginCmd = app.Command("login", "")
	listCmd  = app.Command("list", "")
	workCmd  = app.Command("work", "")
	adminCmd = app.Command("admin", "")
	debugCmd = app.Command("debug", "")
)

type runner interface{ Run() }

func main() {
	switch command := kingpin.MustParse(app.Parse(os.Args[1:])); command {
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
	case loginCmd.FullCommand():
		_ = scopes(os.Args)
		_ = http.ListenAndServe("127.0.0.1:8085", nil)
	case listCmd.FullCommand():
		each(os.Args, listed)
	case workCmd.FullCommand():
		w := newWorker(os.Args)
		var g errgroup.Group
		g.Go(func() error { return w.serve() })
		_ = g.Wait()
	case adminCmd.FullCommand(), debugCmd.FullCommand():
		switch command {
		case adminCmd.FullCommand():
			log.Fatal(http.ListenAndServe(":8083", nil))
		}
		_ = drained(os.Args)
	}
	summary(os.Args)
}

func each(in []string, do func([]string) []string) { _ = do(in) }

// Not startup: the login command's, which waits for a callback on the loopback address.
func scopes(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Not startup: the list command's, passed as a value.
func listed(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Not startup: it runs once the command has served or printed.
func summary(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
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

type worker struct{ queues []string }

func newWorker(in []string) *worker { return &worker{queues: queues(in)} }

func (w *worker) serve() error { return http.ListenAndServe(":8082", nil) }

func queues(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

// Not startup: it runs once the admin server has stopped.
func drained(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
