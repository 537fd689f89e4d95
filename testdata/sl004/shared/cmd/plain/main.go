package main

import "example.com/shared/config"

func main() {
	run()
}

func run() {
	if err := config.Load(); err != nil {
		panic(err)
	}
}
