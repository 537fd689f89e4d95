package main

import (
	"net/http"

	"example.com/livetypes/auth"
	"example.com/livetypes/client"
	"example.com/livetypes/setup"
)

func main() {
	c := client.New(auth.NewBasic(), &auth.Signed{}, auth.Func(nil), auth.Audit)
	c.Do()
	client.New(setup.All()...).Do()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		client.New(auth.NewToken()).Do()
	})
	_ = http.ListenAndServe(":8080", nil)
}
