// go-flags: flags.Parse(&opts) runs the chosen command's Execute too, though nothing in
// this file names it.
package main

import (
	flags "github.com/jessevdk/go-flags"

	"example.com/frameworks/flagcmds"
)

var opts struct {
	Import flagcmds.ImportCommand `command:"import"`
}

func main() {
	if _, err := flags.Parse(&opts); err != nil {
		panic(err)
	}
}
