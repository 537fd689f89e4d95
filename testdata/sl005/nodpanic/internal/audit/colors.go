package audit

import "go.uber.org/zap/zapcore"

// A level encoder names DPanicLevel to color it: no entry is logged at that level
// (epinio's encoder, whose finding was read as wrong).
func levelColor(level zapcore.Level) string {
	switch level {
	case zapcore.DPanicLevel, zapcore.PanicLevel, zapcore.FatalLevel:
		return "red"
	}
	if level == zapcore.DPanicLevel {
		return "magenta"
	}
	return "default"
}
