package service

import "go.uber.org/zap"

// The files outside any module count as one module: this DPanic call is theirs, so their
// development loggers are reported. With a development logger it panics; with a production
// one it logs an error.
func checkInvariant(logger *zap.Logger, ok bool) {
	if !ok {
		logger.DPanic("invariant broken")
	}
}
