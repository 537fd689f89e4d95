// Package destinationmock is a fake webhook destination that tests and a developer's
// harness start: a package of fakes by its name, test support like a mock.go file.
package destinationmock

import "go.uber.org/zap"

func New() *zap.Logger {
	logger, _ := zap.NewDevelopment()
	return logger
}
