// A client showing a spinner: the spinner a library method returns is the library's, and its
// Start is no call of the API server's Start, though this program imports that package.
package main

import (
	"os"

	"example.com/serving/apiserver"
	"github.com/acme/progress"
)

func main() {
	progress.Default.WithText("dialing " + apiserver.Addr).Start()
	listedToo(os.Args)
}

func listedToo(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
