package service

// Test framework code that never imports testing itself, but zap's test observer.
import (
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

func NewObservedCore(level zapcore.LevelEnabler) (zapcore.Core, *observer.ObservedLogs) {
	enc := zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig())
	_ = enc
	return observer.New(level)
}
