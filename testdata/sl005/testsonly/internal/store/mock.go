package store

// A fake store that tests use: test support, not the service.
type MockStore struct{ Store }

func (m *MockStore) Fail(msg string) { m.log.Sugar().DPanicf("mock: %s", msg) }
