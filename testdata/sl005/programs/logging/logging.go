package logging

import "go.uber.org/zap"

// Only the batch tool builds it.
func Verbose() *zap.Logger {
	logger, _ := zap.NewDevelopment()
	return logger
}

// The batch tool and the service both build it.
func Shared() *zap.Logger {
	logger, _ := zap.NewDevelopment() // want "SL005: NewDevelopment"
	return logger
}

// No program calls it: a library's choice, kept.
func Unused() *zap.Logger {
	logger, _ := zap.NewDevelopment() // want "SL005: NewDevelopment"
	return logger
}

// Unexpected logs what should never happen: the module calls DPanic, so its development
// loggers are reported.
func Unexpected(logger *zap.Logger, msg string) {
	logger.DPanic(msg)
}
