package main

import "example.com/shop/internal/config"

func main() { config.Load() }
