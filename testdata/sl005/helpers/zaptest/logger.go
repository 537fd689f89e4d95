// Package zaptest holds zap's helpers for tests: a package named after the package it
// imports plus "test" is test support by Go's naming (as net/http/httptest is for
// net/http), so its development-mode logger is not reported.
package zaptest

import "go.uber.org/zap"

func NewLogger() *zap.Logger {
	logger, _ := zap.NewDevelopment()
	return logger
}
