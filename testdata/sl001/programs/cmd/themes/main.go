// A command-line tool: it prints the theme names and exits. No probe waits on it, so the
// initialization of the packages only it imports, and its own, is no service's startup.
package main

import (
	"fmt"
	"os"

	"example.com/programs/shared"
	"example.com/programs/themes"
)

var banner []byte

func init() {
	banner, _ = os.ReadFile("/usr/share/themes/banner.txt")
}

func main() {
	fmt.Print(string(banner), shared.Version)
	for _, name := range themes.Names {
		fmt.Println(name)
	}
}
