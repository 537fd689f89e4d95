// A binary with a command table in the go command's own style (a Command struct with a
// UsageLine and a Run field, each command's Run set in an init, the one named by the first
// argument run): its `server` command serves, its `update` command downloads a release and
// exits, and is no program's startup.
package main

import (
	"flag"
	"net/http"
	"os"
)

type Command struct {
	Run       func(cmd *Command, args []string) bool
	UsageLine string
	Short     string
	Flag      flag.FlagSet
}

func (c *Command) Name() string { return c.UsageLine }

var cmdServer = &Command{UsageLine: "server", Short: "serve"}
var cmdUpdate = &Command{UsageLine: "update", Short: "update this binary"}

var commands = []*Command{cmdServer, cmdUpdate}

func init() {
	cmdServer.Run = runServer
	cmdUpdate.Run = runUpdate
}

func main() {
	for _, cmd := range commands {
		if cmd.Name() == os.Args[1] {
			cmd.Flag.Parse(os.Args[2:])
			cmd.Run(cmd, cmd.Flag.Args())
			return
		}
	}
}

func runServer(cmd *Command, args []string) bool {
	handlers(args)
	return http.ListenAndServe(":8080", nil) == nil
}

func handlers(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func runUpdate(cmd *Command, args []string) bool {
	_ = releases(args)
	return true
}

func releases(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
