package main

import "net/http"

func serve(port string) {
	_ = http.ListenAndServe(":"+port, nil)
}
