package service

import (
	"os"

	"go.uber.org/zap"
)

func newLogger() *zap.Logger {
	logger, _ := zap.NewDevelopment() // want "SL005: zap.NewDevelopment\\(\\) builds a development logger"
	return logger
}

// zap's example logger is built by zap.New(core) without the Development option: its DPanic
// logs an error and never panics, so it is not reported.
func newExampleLogger() *zap.Logger {
	return zap.NewExample()
}

// Given the Development option, it is in development mode: the option is reported.
func exampleWithTheOption() *zap.Logger {
	return zap.NewExample(zap.Development()) // want "SL005: zap.Development\\(\\) makes every DPanic panic"
}

func configured() (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig() // want "SL005: zap.NewDevelopmentConfig"
	// Only key names and time and level formats: no level, sampling or stack trace changes.
	cfg.EncoderConfig = zap.NewDevelopmentEncoderConfig()
	return cfg.Build(zap.Development()) // want "SL005: zap.Development\\(\\) makes every DPanic panic, ending the process"
}

var literal = zap.Config{
	Level:       zap.NewAtomicLevel(),
	Development: true, // want "SL005: Development: true"
}

var notDevelopment = zap.Config{Development: false}

var pointerLiteral = &zap.Config{Encoding: "json", Development: true} // want "SL005: Development: true"

// A run-time choice is the recommended pattern and is not flagged.
func chosen() *zap.Logger {
	logger, _ := zap.NewProduction()
	if os.Getenv("APP_ENV") == "dev" {
		logger, _ = zap.NewDevelopment()
	} else {
		logger = zap.Must(zap.NewDevelopmentConfig().Build())
	}
	switch os.Getenv("LOG_MODE") {
	case "dev":
		logger, _ = zap.NewDevelopment()
	default:
		cfg := zap.Config{Development: true}
		_ = cfg
	}
	return logger
}

// The condition of an if is not a choice between loggers: the call always runs.
func inCondition() {
	if logger, err := zap.NewDevelopment(); err == nil { // want "SL005"
		_ = logger
	}
}

// A function literal defined under a choice is still a choice.
func deferredChoice(dev bool) func() *zap.Logger {
	if dev {
		return func() *zap.Logger { l, _ := zap.NewDevelopment(); return l }
	}
	return nil
}

// Production returned early unless asked for development: the rest is the other choice.
func earlyReturn(development bool) zap.Config {
	if !development {
		return zap.NewProductionConfig()
	}
	return zap.Config{Development: true, Encoding: "console"}
}

// A check of an error or a missing value returns on failure: what follows always runs.
func afterErrorCheck(path string) (*zap.Logger, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return zap.NewDevelopment() // want "SL005"
}

func afterNilCheck(base *zap.Logger) *zap.Logger {
	if base == nil {
		return nil
	}
	logger, _ := zap.NewDevelopment() // want "SL005"
	return logger
}

