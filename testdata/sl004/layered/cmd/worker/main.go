package main

import "example.com/layered/internal/boot"

// The worker goes straight to the settings.
func main() {
	boot.Prepare()
}
