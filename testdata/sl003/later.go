package main

import (
	"net/http"
	"os"
	"strings"
)

func init() {
	http.HandleFunc("/reload", reload)
}

// A handler runs per request, after startup: input there is out of the rule's scope.
func reload(w http.ResponseWriter, r *http.Request) {
	data, _ := os.ReadFile("hosts")
	var hosts []string
	for _, l := range strings.Split(string(data), "\n") {
		hosts = append(hosts, l)
	}
	_ = hosts
}
