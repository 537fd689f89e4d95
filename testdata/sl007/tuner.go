package gc

import "runtime/debug"

// A tuner that means to read GOGC in its constructor turns the collector off; the limit it
// sets later, in another method, bounds the heap only from then on, so the message says so.
type tuner struct {
	gogc  int
	limit int64
}

func newTuner(limit int64) *tuner {
	return &tuner{limit: limit, gogc: debug.SetGCPercent(-1)} // want "SL007: .*nothing restores it afterwards on every path; the heap then grows until the memory limit set on line 20, once that has run, else until the container is OOMKilled"
}

func (t *tuner) start() {
	if t.limit <= 0 {
		return
	}
	debug.SetMemoryLimit(t.limit)
}
