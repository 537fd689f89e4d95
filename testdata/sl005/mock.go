package service

import "go.uber.org/zap"

// A fake server that tests start, kept in a file named for it: test support, not reported.
type MockServer struct{ log *zap.Logger }

func NewMockServer() *MockServer {
	logger, _ := zap.NewDevelopment()
	return &MockServer{log: logger}
}
