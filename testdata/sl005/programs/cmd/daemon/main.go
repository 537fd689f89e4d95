// A service: its logger is a deployment choice.
package main

import (
	"net/http"

	"example.com/programs/logging"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment() // want "SL005: NewDevelopment"
	defer logger.Sync()
	_ = logging.Shared()
	_ = http.ListenAndServe(":8080", nil)
}
