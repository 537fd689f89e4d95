package cli

import (
	"github.com/spf13/cobra"

	"example.com/var-literal-methods/server"
)

var root = &cobra.Command{Use: "svc"}

func init() { root.AddCommand(serveCmd, checkCmd) }

// Names declared inside the literal are its locals: `srv` and `probe` have the types their
// values give, so the method calls resolve.
var serveCmd = &cobra.Command{
	Use: "serve",
	RunE: func(cmd *cobra.Command, args []string) error {
		srv, err := server.New()
		if err != nil {
			return err
		}
		return srv.Start()
	},
}

var checkCmd = &cobra.Command{
	Use: "check",
	RunE: func(cmd *cobra.Command, args []string) error {
		probe := &server.Server{}
		return probe.Check()
	},
}

// A literal stored in a package-level variable runs where the variable is called or used
// as a command's function, not when the variable is initialized.
var idle = func() error { return server.Idle() }

var warm = func() error { return server.Warm() }

func Execute() error {
	if err := warm(); err != nil {
		return err
	}
	return root.Execute()
}

// A package-level variable holding the command's function.
var runProbe = func(cmd *cobra.Command, args []string) error { return server.Probe() }

var probeCmd = &cobra.Command{Use: "probe", RunE: runProbe}

func init() { root.AddCommand(probeCmd) }

// A hook set in init is kept for later: it runs where the variable is called, and nothing
// calls this one.
var hook func() error

func init() {
	hook = func() error { return server.Hooked() }
}
