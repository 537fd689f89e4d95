package worker

import "go.uber.org/zap"

// A later DPanic call in path order: the finding names the store's.
func Start(log *zap.SugaredLogger) {
	go func() {
		log.DPanicw("worker stopped", "reason", "unexpected")
	}()
}
