// mitchellh/cli: c.Run() runs the Run method of the command the chosen factory returns.
package main

import (
	"os"

	"github.com/mitchellh/cli"
)

type runCommand struct{}

func (c *runCommand) Help() string     { return "run the agent" }
func (c *runCommand) Synopsis() string { return "run the agent" }
func (c *runCommand) Run(args []string) int {
	agentConfig(args)
	return 0
}

func main() {
	c := cli.NewCLI("agent", "1.0")
	c.Args = os.Args[1:]
	c.Commands = map[string]cli.CommandFactory{
		"run": func() (cli.Command, error) { return &runCommand{}, nil },
	}
	status, _ := c.Run()
	os.Exit(status)
}

func agentConfig(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
