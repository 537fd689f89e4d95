//go:build dev

package service

import "go.uber.org/zap"

func devLogger() *zap.Logger {
	l, _ := zap.NewDevelopment()
	return l
}
