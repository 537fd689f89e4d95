//go:build dev || linux

package service

import "go.uber.org/zap"

// Built without the dev tag on linux: this is production code.
func productionLogger() *zap.Logger {
	l, _ := zap.NewDevelopment() // want "SL005"
	return l
}
