// Package logadapter checks the pairs it is handed (not counted) and has wrappers that log
// their own message at DPanic (counted: their callers panic in development mode).
package logadapter

import (
	"fmt"

	"go.uber.org/zap"
)

type Logger struct{ s *zap.SugaredLogger }

func New(s *zap.SugaredLogger) *Logger { return &Logger{s: s} }

func (l *Logger) fields(pairs []interface{}) []interface{} {
	if len(pairs)%2 == 1 {
		l.s.DPanic("odd number of arguments", pairs[len(pairs)-1])
	}
	return pairs
}

// Bugf formats its own message: every call panics in development mode.
func (l *Logger) Bugf(format string, args ...interface{}) {
	msg := fmt.Sprintf(format, args...)
	l.s.DPanic(msg)
}

// Broken hands its pairs on, converted.
func (l *Logger) Broken(msg string, keysAndValues ...interface{}) {
	l.s.DPanicw(msg, l.fields(keysAndValues)...)
}
