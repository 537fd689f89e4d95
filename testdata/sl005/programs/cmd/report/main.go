// A batch tool: it prints a report and exits, so no deployment waits on it and its logger is
// its own business. Nothing of it is reported.
package main

import (
	"fmt"

	"example.com/programs/logging"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewDevelopment()
	defer logger.Sync()
	_ = logging.Verbose()
	_ = logging.Shared()
	fmt.Println("done")
}
