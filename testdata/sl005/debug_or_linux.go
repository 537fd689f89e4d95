//go:build debug && linux

package service

import "go.uber.org/zap"

func debugLogger() *zap.Logger {
	l, _ := zap.NewDevelopment()
	return l
}
