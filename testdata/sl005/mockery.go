package service

import "go.uber.org/zap"

// Only the exact names count: mockery.go is production code.
func mockeryLogger() *zap.Logger {
	logger, _ := zap.NewDevelopment() // want "SL005: zap.NewDevelopment"
	return logger
}
