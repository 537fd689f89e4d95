package main

import (
	"runtime/debug"

	"example.com/shared/config"
)

func main() {
	debug.SetMemoryLimit(200 << 20)
	if err := config.Load(); err != nil {
		panic(err)
	}
}
