package service

import (
	"testing"

	"go.uber.org/zap"
)

func TestLogger(t *testing.T) {
	l, _ := zap.NewDevelopment()
	_ = l
}
