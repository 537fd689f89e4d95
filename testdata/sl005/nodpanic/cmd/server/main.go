// A service with a development logger, in a module that never calls DPanic: nothing of
// development mode is left that a service would feel (its DPanic is what panics), so nothing
// is reported.
package main

import (
	"net/http"

	"example.com/nodpanic/internal/audit"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment()
	defer logger.Sync()
	audit.Record(logger, "started")
	_ = http.ListenAndServe(":8080", nil)
}
