// The context signal.NotifyContext gives is done when the signal comes.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	other, cancel := context.WithCancel(context.Background())
	go http.ListenAndServe(":8080", nil)
	go cancel()
	<-other.Done()
	afterOtherContext(os.Args)
	<-ctx.Done()
	drain(os.Args)
}

func afterOtherContext(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func drain(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
