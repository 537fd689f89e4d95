package settings

// SetMemoryLimit records the limit the service asks its workers to keep.
func SetMemoryLimit(limit int64) int64 { return limit }
