//go:build windows

package main

import "os"

func main() {
	if len(os.Args) > 1 {
		return
	}
	prepare(os.Args)
}
