package main

import "example.com/layered/internal/boot"

// The api protects its load: boot.Start applies the limit before it reads settings.
func main() {
	boot.Start()
}
