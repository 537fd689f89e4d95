package main

import "example.com/entries/settings"

var first = settings.Read()

var second = settings.Read()

func init() {
	_ = settings.Read()
	_ = settings.Merge()
}

func main() {
	_ = settings.Read()
	_ = settings.Merge()
}
