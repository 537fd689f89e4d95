// An interface of its own whose method is named like no serving call: a batch tool.
package main

import (
	"fmt"
	"os"
)

type reporter interface {
	Report() error
}

type printer struct{}

func (printer) Report() error { _, err := fmt.Println("done"); return err }

func main() {
	configured(os.Args)
	report(printer{})
}

func report(r reporter) {
	_ = r.Report()
}

func configured(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
