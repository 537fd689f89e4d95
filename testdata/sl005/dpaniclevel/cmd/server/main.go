// Logging at zapcore.DPanicLevel through Check panics in development mode as DPanic does.
package main

import (
	"net/http"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func main() {
	logger, _ := zap.NewDevelopment() // want "SL005: the module calls DPanic \\(dpaniclevel/cmd/server/main.go:14\\)"
	defer logger.Sync()
	if entry := logger.Check(zapcore.DPanicLevel, "starting without a config"); entry != nil {
		entry.Write()
	}
	_ = http.ListenAndServe(":8080", nil)
}
