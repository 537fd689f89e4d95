package logs

import "go.uber.org/zap"

var core *zap.SugaredLogger

// SetCore installs the logger everything in the program logs through.
func SetCore(l *zap.SugaredLogger) { core = l }

// A default for what logs before main configures logging: main installs its own through
// SetCore (Configure), so this development logger never logs in a running service.
func init() {
	config := zap.NewDevelopmentConfig()
	config.Level = zap.NewAtomicLevelAt(zap.InfoLevel)
	logger, err := config.Build()
	if err == nil {
		SetCore(logger.Sugar())
	}
}

// Configure installs the service's logger once its flags are read.
func Configure(json bool) {
	logger, _ := zap.NewProduction()
	SetCore(logger.Sugar())
}

// Unreachable logs what must not happen, through the sugared logger: with a development
// logger it panics.
func Unreachable(msg string) { core.DPanicw(msg) }
