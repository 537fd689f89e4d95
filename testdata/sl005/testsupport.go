package service

// A helper package only tests link: it imports testing, so it is treated like a _test.go file.
import (
	"testing"

	"go.uber.org/zap"
)

func NewTestLogger(t testing.TB) *zap.Logger {
	return zap.New(nil, zap.Development())
}
