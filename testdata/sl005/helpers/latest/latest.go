// Package latest only ends in "test": it is no package's test helper (it imports no
// package named "la"), so it is production code like any other.
package latest

import "go.uber.org/zap"

func NewLogger() *zap.Logger {
	logger, _ := zap.NewDevelopment() // want "SL005: zap.NewDevelopment"
	return logger
}
