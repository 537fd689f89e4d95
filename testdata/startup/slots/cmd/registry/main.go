package main

import (
	"example.com/slots/hooks"
	_ "example.com/slots/plugins"
)

func main() {
	hooks.RunAll()
	_ = hooks.Build("plain")
	_ = hooks.Build("converted")
}
