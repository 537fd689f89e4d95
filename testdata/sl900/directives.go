package main

import (
	"net/http"

	"go.uber.org/zap"
)

func main() {
	//startup-lint:ignore SL005 // want "SL900: no reason"
	l, _ := zap.NewDevelopment()
	_ = l
	//startup-lint:ignore SL005 there is nothing here // want "SL900: suppresses nothing"
	_ = zap.NewNop()
	//startup-lint:ignore SL999 not a rule // want "SL900: unknown rule SL999"
	_ = zap.NewNop()
	//startup-lint:ignore zap-dev because // want "SL900: unknown rule zap-dev"
	_ = zap.NewNop()
	//startup-lint:ignore // want "SL900: names no rule"
	_ = zap.NewNop()
	m, _ := zap.NewDevelopment() //startup-lint:ignore SL005 a developer tool, never deployed
	_ = m
	//startup-lint:ignore SL005 a developer tool, never deployed
	n, _ := zap.NewDevelopment()
	_ = n
	_, _ = zap.NewProduction() //startup-lint:ignore SL005 nothing to hide // want "SL900: suppresses nothing"
	//startup-lint:ignore SL007 SL007 does not run in this fixture, so this cannot be judged stale
	_ = zap.NewNop()
	_ = http.ListenAndServe(":8080", nil) // a service: SL005 reports its loggers
}

func spaced() {
	// startup-lint:ignore SL005 a space after the slashes makes this a plain comment // want "SL900: is not a directive: write //startup-lint:ignore with no space"
	l, _ := zap.NewDevelopment() // want "SL005"
	_ = l
}

// The package calls DPanic, which panics with a development logger: SL005 reports those.
func invariant(l *zap.Logger) { l.DPanic("broken") }
