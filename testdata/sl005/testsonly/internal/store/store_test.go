package store

import (
	"testing"

	"go.uber.org/zap"
)

func TestDPanicPanicsInDevelopment(t *testing.T) {
	defer func() { _ = recover() }()
	logger, _ := zap.NewDevelopment()
	New(logger).log.DPanic("expected to panic")
}
