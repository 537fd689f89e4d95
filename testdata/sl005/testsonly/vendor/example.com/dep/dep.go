// Package dep is another module's code, vendored: its DPanic is not this module's.
package dep

import "go.uber.org/zap"

func Check(logger *zap.Logger) { logger.DPanic("dep: unexpected") }
