package main

import (
	"log"

	cfgpkg "example.com/svc/internal/config"
)

func main() {
	cfg, err := cfgpkg.Load("/etc/svc/config.yaml")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", cfg.Addr)
}
