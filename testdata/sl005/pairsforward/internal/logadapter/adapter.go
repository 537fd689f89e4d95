// Package logadapter hands its key/value pairs on to DPanicw: a wrapper, not a check of them,
// whose callers under another name panic in development mode.
package logadapter

import "go.uber.org/zap"

type Logger struct{ s *zap.SugaredLogger }

func New(s *zap.SugaredLogger) *Logger { return &Logger{s: s} }

func (l *Logger) Broken(msg string, keysAndValues ...interface{}) {
	// The pairs go on to zap as they are.
	l.s.DPanicw(msg, keysAndValues...)
}
