package main

import (
	"example.com/interfaces/other"
	"example.com/interfaces/tracing"
)

func main() {
	_ = other.Describe()
	_ = tracing.New(true)
}
