// kong: ctx.Run() runs the Run method of the chosen command.
package main

import "github.com/alecthomas/kong"

type ServeCmd struct{ Addr string }

func (s *ServeCmd) Run() error { serving(nil); return nil }

type Helper struct{}

// Not a command's Run: never called.
func (h *Helper) Stop() error { stopping(nil); return nil }

var cli struct {
	Serve ServeCmd `cmd:""`
}

func main() {
	ctx := kong.Parse(&cli)
	_ = ctx.Run()
}

func serving(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func stopping(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
