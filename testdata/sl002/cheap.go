package client

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

var (
	cheapOnce sync.Once
	reader    *bufio.Reader
	server    *profilingServer
	errClosed error
	ctx       context.Context
	cond      *sync.Cond
	mu        sync.Mutex
	input     *strings.Reader
	defaults  Options
	player    string
	playerErr error
	home      string
	index     map[string]int
	slots     chan struct{}
)

func limit() int { return 1 << 20 }

type profilingServer struct{ addr string }

type Options struct {
	Name  string
	Sizes []int
}

// Values of constant, small size built from what exists: postponing them saves nothing.
func cheapBodies() {
	cheapOnce.Do(func() { reader = bufio.NewReader(os.Stdin) })
	cheapOnce.Do(func() { server = &profilingServer{} })
	cheapOnce.Do(func() { server = &profilingServer{addr: ":6060"} })
	cheapOnce.Do(func() { server = new(profilingServer) })
	cheapOnce.Do(func() { errClosed = errors.New("closed") })
	cheapOnce.Do(func() { ctx = context.Background() })
	cheapOnce.Do(func() { cond = sync.NewCond(&mu) })
	cheapOnce.Do(func() { input = strings.NewReader("") })
	cheapOnce.Do(func() { defaults = Options{Name: "x", Sizes: []int{1, 2}} })
	cheapOnce.Do(func() {
		reader = bufio.NewReader(os.Stdin)
		server = &profilingServer{}
	})
}

// Small values looked up or computed from what exists: a path, a directory, a setting, an
// empty or small map.
func smallValues() {
	cheapOnce.Do(func() { player, playerErr = exec.LookPath("mpv") })
	cheapOnce.Do(func() { home = filepath.Join(os.Getenv("HOME"), ".config") })
	cheapOnce.Do(func() { defaults = Options{Name: os.Getenv("NAME")} })
	cheapOnce.Do(func() { index = make(map[string]int) })
	cheapOnce.Do(func() { index = make(map[string]int, 64) })
	cheapOnce.Do(func() { index = make(map[string]int, 0) })
	cheapOnce.Do(func() { slots = make(chan struct{}, limit()) }) // a semaphore: no buffer to allocate
}

// A loop with neither a range nor a counted clause trims or retries (a caller's package name
// cut from its function name): no work by itself.
func callerPackage() {
	cheapOnce.Do(func() { player = packageOf("github.com/acme/svc/pkg/logging.getCaller") })
}

// ... unless it steps through input.
func scannedLines() {
	cheapOnce.Do(func() { // want "SL002: cheapOnce.Do sets package-level player .*for sc.Scan\\(\\)"
		sc := bufio.NewScanner(input)
		for sc.Scan() {
			player += sc.Text()
		}
	})
}

func packageOf(function string) string {
	for {
		last := strings.LastIndex(function, ".")
		slash := strings.LastIndex(function, "/")
		if last <= slash {
			return function
		}
		function = function[:last]
	}
}

// One real call among cheap values keeps the finding; so does a constructor fed by a call.
func realWork() {
	cheapOnce.Do(func() { // want "SL002: cheapOnce.Do sets package-level"
		server = &profilingServer{}
		reader = bufio.NewReader(openInput())
	})
	cheapOnce.Do(func() { defaults = Options{Name: readName()} }) // want "SL002: cheapOnce.Do sets package-level defaults"
	cheapOnce.Do(func() { index = make(map[string]int, 1<<20) })  // want "SL002: cheapOnce.Do sets package-level index"
	cheapOnce.Do(func() {                                         // want "SL002: cheapOnce.Do sets package-level reader"
		f := openInput()
		reader = bufio.NewReader(f)
	})
}

func openInput() *os.File { f, _ := os.Open("input"); return f }

func readName() string { b, _ := os.ReadFile("name"); return string(b) }
