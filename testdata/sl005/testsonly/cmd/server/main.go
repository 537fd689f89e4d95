// A service with a development logger whose module calls DPanic only in a test, a generated
// file, test support and vendored code: none of them is the service's own code, so nothing
// is reported.
package main

import (
	"net/http"

	"example.com/testsonly/internal/store"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment()
	defer logger.Sync()
	_ = store.New(logger)
	_ = http.ListenAndServe(":8080", nil)
}
