// A service that starts its servers, then waits for a termination signal: what it does when
// startup fails, or once the signal came, is no startup work.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "version" {
		printVersion(os.Args)
		os.Exit(0)
	}
	if err := start(); err != nil {
		flushOnFailure(os.Args)
		log.Fatalf("start: %v", err)
	}
	if err := start(); err != nil {
		// Not a failure path: it goes on.
		retried(os.Args)
	}
	go func() {
		// A goroutine waiting for the signal does not end main's startup.
		quit := make(chan os.Signal, 1)
		signal.Notify(quit, os.Interrupt)
		<-quit
		os.Exit(0)
	}()
	signals := make(chan os.Signal, 1)
	notify(signals)
	afterNotify(os.Args)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	beforeWait(os.Args)
	switch <-stop {
	case syscall.SIGTERM:
		shutdown(os.Args)
	default:
		shutdown(os.Args)
	}
	afterSignal(os.Args)
}

// Receiving from a channel it did not give signal.Notify is not waiting for a signal.
func notify(c chan os.Signal) {}

func start() error {
	go http.ListenAndServe(":8080", nil)
	return nil
}

func printVersion(in []string) {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	fmt.Println(out)
}

func flushOnFailure(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func retried(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func afterNotify(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func beforeWait(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func shutdown(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func afterSignal(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
