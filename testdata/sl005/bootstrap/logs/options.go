package logs

import (
	"errors"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Built around a core with the Development option and installed by an init: zap.New only
// wraps it (its result is kept), ReplaceGlobals installs it, and no code replaces that.
func init() {
	var core zapcore.Core
	logger := zap.New(core, zap.Development()) // want "SL005: zap.Development"
	zap.ReplaceGlobals(logger)
}

// Calls of the same names elsewhere (errors.New is not zap.New) replace nothing.
func check() error { return errors.New("not configured") }
