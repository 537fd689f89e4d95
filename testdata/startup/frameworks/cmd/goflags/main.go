// go-flags: parser.Parse() runs the Execute method of the chosen command, here through a
// command handler.
package main

import (
	"fmt"

	flags "github.com/jessevdk/go-flags"
)

type ServeCommand struct{ Sites []string }

func (s *ServeCommand) Execute(_ []string) error {
	s.stores()
	return nil
}

func (s *ServeCommand) stores() []string {
	var out []string // want "SL003"
	for _, site := range s.Sites {
		out = append(out, fmt.Sprintf("%s.db", site))
	}
	return out
}

// Not a command's Execute: a method of another name is never run by the parser.
func (s *ServeCommand) Usage() []string {
	var out []string
	for _, site := range s.Sites {
		out = append(out, site)
	}
	return out
}

func main() {
	var opts struct {
		Serve ServeCommand `command:"serve"`
	}
	p := flags.NewParser(&opts, flags.Default)
	p.CommandHandler = func(c flags.Commander, args []string) error { return c.Execute(args) }
	if _, err := p.Parse(); err != nil {
		panic(err)
	}
}
