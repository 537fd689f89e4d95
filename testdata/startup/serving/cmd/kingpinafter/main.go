// What follows a call that serves until the program stops runs as it shuts down, a switch
// over kingpin's command after it included: its cases are no startup of any program.
package main

import (
	"log"
	"net/http"
	"os"

	"gopkg.in/alecthomas/kingpin.v2"
)

var (
	app      = kingpin.New("tool", "")
	cleanCmd = app.Command("clean", "")
)

func main() {
	command := kingpin.MustParse(app.Parse(os.Args[1:]))
	log.Println(http.ListenAndServe(":8080", nil))
	switch command {
	case cleanCmd.FullCommand():
		_ = cleaned(os.Args)
	}
}

func cleaned(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
