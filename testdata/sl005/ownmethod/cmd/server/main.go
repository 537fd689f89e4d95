package main

import (
	"net/http"

	"example.com/ownmethod/internal/check"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment() // want "SL005: the module calls DPanic \\(ownmethod/internal/check/check.go:16\\)"
	defer logger.Sync()
	check.Ensure(&check.Checker{}, true)
	_ = http.ListenAndServe(":8080", nil)
}
