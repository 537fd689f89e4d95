// Package audit says DPanic only in a comment and a string: calls are what count.
package audit

import "go.uber.org/zap"

// Record logs at error level; it never calls logger.DPanic(msg).
func Record(logger *zap.Logger, msg string) {
	logger.Error(msg, zap.String("hint", "logger.DPanic(msg) would panic in development mode"))
	logger.Warn("DPanicLevel is not used here")
}
