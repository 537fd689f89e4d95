// Package logadapter turns key/value pairs into zap fields, checking them as zapr does.
package logadapter

import "go.uber.org/zap"

type Logger struct{ z *zap.Logger }

func New(z *zap.Logger) *Logger { return &Logger{z: z} }

func (l *Logger) Info(msg string, keysAndValues ...any) {
	l.z.Info(msg, l.fields(keysAndValues)...)
}

func (l *Logger) fields(pairs []interface{}) []zap.Field {
	fields := make([]zap.Field, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		if i == len(pairs)-1 {
			l.z.DPanic("odd number of arguments", zap.Any("ignored key", pairs[i]))
			break
		}
		key, ok := pairs[i].(string)
		if !ok {
			l.z.DPanic("non-string key", zap.Any("invalid key", pairs[i]))
			break
		}
		fields = append(fields, zap.Any(key, pairs[i+1]))
	}
	return fields
}
