// A service whose store calls DPanicf through a SugaredLogger: a development logger makes it
// panic, so the logger is reported, with the first DPanic call of the module in path order.
package main

import (
	"net/http"

	"example.com/sugared/internal/store"
	"example.com/sugared/internal/worker"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment() // want "SL005: zap.NewDevelopment\\(\\) builds a development logger: .*; the module calls DPanic \\(sugared/internal/store/store.go:14\\), which panics in development mode; use the production logger"
	defer logger.Sync()
	_ = store.New(logger.Sugar())
	worker.Start(logger.Sugar())
	_ = http.ListenAndServe(":8080", nil)
}
