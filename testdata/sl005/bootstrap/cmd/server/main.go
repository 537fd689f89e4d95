package main

import (
	"net/http"

	"example.com/bootstrap/logs"
)

func main() {
	logs.Configure(true)
	_ = http.ListenAndServe(":8080", nil)
}
