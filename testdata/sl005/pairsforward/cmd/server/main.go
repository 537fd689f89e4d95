package main

import (
	"net/http"

	"example.com/pairsforward/internal/logadapter"
	"go.uber.org/zap"
)

func main() {
	logger := zap.New(nil, zap.Development()) // want "SL005: the module calls DPanic \\(pairsforward/internal/logadapter/adapter.go:25\\)"
	log := logadapter.New(logger.Sugar())
	log.Broken("cache out of sync", "entries", 0)
	_ = http.ListenAndServe(":8080", nil)
}
