package main

import (
	"net/http"

	"example.com/loads/settings"
)

func main() {
	_ = settings.Read()
	_ = http.ListenAndServe(":8080", nil)
}
