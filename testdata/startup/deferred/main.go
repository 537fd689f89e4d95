// Functions handed to something that calls them later (on first use, after a delay, on a
// schedule, per RPC, SSH session, websocket connection, job or keystroke, when a value is collected) do
// not run at startup; what main calls itself does.
package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/Jeffail/tunny"
	prompt "github.com/c-bata/go-prompt"
	"github.com/charmbracelet/wish"
	"github.com/gliderlabs/ssh"
	"github.com/jasonlvhit/gocron"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/metric"
	"github.com/robfig/cron/v3"
	"golang.org/x/net/websocket"
	"google.golang.org/grpc"
	"k8s.io/apimachinery/pkg/util/wait"
)

// The remedy SL002 suggests: built on the first call of loadCatalog, not before.
var loadCatalog = sync.OnceValues(readCatalog)

var names = sync.OnceValue(func() []string { return onlyOnce(os.Args) })

type handle struct{}

func main() {
	// What main defers runs as the program exits; what a function it calls defers, when
	// that function returns: at startup.
	defer onlyAtExit(os.Args)
	defer func() { onlyAtExit(os.Args) }()
	prepare()
	startWorker(nil)
	refresh := sync.OnceFunc(func() { onlyOnceFunc(os.Args) })
	time.AfterFunc(time.Minute, func() { onlyLater(os.Args) })
	context.AfterFunc(context.Background(), func() { onlyOnCancel(os.Args) })
	runtime.SetFinalizer(&handle{}, func(*handle) { onlyFinalizer(os.Args) })

	grpc.NewServer(grpc.UnaryInterceptor(perRPC), grpc.ChainStreamInterceptor(perStream))
	ssh.Handle(perSession)
	wish.WithMiddleware(perSessionMiddleware)
	websocket.Handler(perConnection)
	cron.New().AddFunc("@hourly", func() { onlyScheduled(os.Args) })
	gocron.NewScheduler().Every(20).Seconds().Do(onlyScheduled, os.Args)
	// A controller's main loop: every period for the life of the process.
	wait.Until(func() { onlyScheduled(os.Args) }, time.Minute, nil)
	// Workers started in a wait.Group's goroutines.
	var workers wait.Group
	workers.Start(func() { onlyScheduled(os.Args) })

	// A worker pool's function, per job; an interactive prompt's executor and completer, per
	// line entered and key pressed.
	pool := tunny.NewFunc(4, func(any) any { return onlyScheduled(os.Args) })
	prompt.New(func(string) { onlySession(os.Args) }, func(prompt.Document) []prompt.Suggest {
		onlySession(os.Args)
		return nil
	}).Run()

	// Metrics observed per collection.
	var meter metric.Meter
	_, _ = meter.Int64ObservableCounter("flows", metric.WithInt64Callback(
		func(context.Context, metric.Int64Observer) error { onlySession(os.Args); return nil }))
	prometheus.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "g"},
		func() float64 { return float64(len(onlySession(os.Args))) }))

	// A function value handed to anything else still counts as called.
	run(atStartup)
	_, _, _ = refresh, names, pool
}

func run(f func([]string) []string) { f(os.Args) }

func readCatalog() ([]int, error) {
	f, err := os.Open("catalog.json")
	if err != nil {
		return nil, err
	}
	data, _ := io.ReadAll(f)
	var m []int
	err = json.Unmarshal(data, &m)
	return m, err
}

func perRPC(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	onlyRPC(os.Args)
	return h(ctx, req)
}

func perStream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	onlyRPC(os.Args)
	return h(srv, ss)
}

func perSession(s ssh.Session) { onlySession(s.Command()) }

func perSessionMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) { onlySession(s.Command()); next(s) }
}

func atStartup(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyOnce(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyOnceFunc(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyLater(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyOnCancel(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyFinalizer(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyRPC(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlySession(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func perConnection(ws *websocket.Conn) { onlySession(os.Args) }

func onlyScheduled(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func prepare() { defer cleanup(os.Args) }

func onlyAtExit(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func cleanup(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
