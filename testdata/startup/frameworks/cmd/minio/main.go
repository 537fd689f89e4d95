// MinIO's fork of urfave/cli: a command's Action runs where main runs the app.
package main

import (
	"os"

	"github.com/minio/cli"
)

var sidecarCmd = cli.Command{
	Name:   "sidecar",
	Action: startSidecar,
}

func main() {
	app := cli.NewApp()
	app.Commands = []cli.Command{sidecarCmd}
	_ = app.Run(os.Args)
}

func startSidecar(c *cli.Context) error { configuring(nil); return nil }

func configuring(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
