package main

import "example.com/ws/lib/config"

func main() {
	config.MustLoad()
}
