package main

import (
	"net/http"

	"example.com/pairscheck/internal/logadapter"
	"go.uber.org/zap"
)

// The module's only DPanic calls check the key/value pairs handed to its logging adapter:
// they panic only on a malformed logging call, so the development logger is not reported.
func main() {
	logger := zap.New(nil, zap.Development())
	log := logadapter.New(logger)
	log.Info("starting", "port", 8080)
	_ = http.ListenAndServe(":8080", nil)
}
