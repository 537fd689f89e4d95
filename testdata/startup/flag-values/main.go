// flag.Var and a pflag FlagSet's Var call the value's String for the default shown in the
// usage: where the flags are declared, at startup.
package main

import (
	"flag"
	"os"

	"github.com/spf13/pflag"
)

type gates map[string]bool

func (g gates) String() string {
	var pairs []string // want "SL003"
	for name := range g {
		pairs = append(pairs, name)
	}
	return pairs[0]
}

func (g gates) Set(v string) error { return nil }

type throttles struct{ rules []string }

func (t *throttles) String() string {
	var out []string // want "SL003"
	for _, rule := range t.rules {
		out = append(out, rule)
	}
	return out[0]
}

func (t *throttles) Set(v string) error { return nil }

type config struct{ Throttles throttles }

// Never given to a flag: its String does not run at startup.
type unused struct{ names []string }

func (u unused) String() string {
	var out []string
	for _, name := range u.names {
		out = append(out, name)
	}
	return out[0]
}

func main() {
	var g gates
	flag.Var(g, "feature-gates", "key=bool pairs")
	var cfg config
	bind(pflag.NewFlagSet("app", pflag.ContinueOnError), &cfg)
	flag.Parse()
	_ = os.Args
}

func bind(fs *pflag.FlagSet, cfg *config) {
	fs.Var(&cfg.Throttles, "throttle", "rate limits")
}
