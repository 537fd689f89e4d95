package service

import (
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

type modeConfig struct {
	Zap   zap.Config
	Level string
}

// A table of configs, one per mode, from which a flag picks at run time: the development
// entry (nested in a literal of its own) sits beside the production one, so it is a run-time
// choice, not reported.
var configsByMode = struct{ Default, Dev *modeConfig }{
	Default: &modeConfig{Zap: zap.NewProductionConfig()},
	Dev: &modeConfig{
		Zap: func() zap.Config {
			c := zap.NewDevelopmentConfig()
			c.Level = zap.NewAtomicLevelAt(zapcore.InfoLevel)
			return c
		}(),
	},
}

var byName = map[string]zap.Config{
	"production":  zap.NewProductionConfig(),
	"development": zap.NewDevelopmentConfig(),
}

// A table of development configs only chooses nothing: reported.
var devOnly = map[string]zap.Config{
	"console": zap.NewDevelopmentConfig(), // want "SL005: zap.NewDevelopmentConfig"
	"verbose": zap.NewDevelopmentConfig(), // want "SL005: zap.NewDevelopmentConfig"
}

// A literal that names production only in a comment, or as a field name, chooses nothing.
var described = struct{ Production, Console zap.Config }{
	Production: zap.Config{Encoding: "json"}, // NewProductionConfig is not called here
	Console:    zap.NewDevelopmentConfig(),   // want "SL005: zap.NewDevelopmentConfig"
}

// Loggers that are all built, in a struct whose keys name no mode: no choice, reported.
type loggers struct{ Debug, Audit *zap.Logger }

var both = loggers{
	Debug: zap.Must(zap.NewDevelopment()), // want "SL005: zap.NewDevelopment"
	Audit: zap.Must(zap.NewProduction()),
}

type command struct{ PersistentPreRun, Run func() }

// A command's pre-run runs before its run, whatever the flags: reported.
var serve = command{
	PersistentPreRun: func() { _ = zap.Must(zap.NewDevelopment()) }, // want "SL005: zap.NewDevelopment"
	Run:              func() { _ = zap.Must(zap.NewProduction()) },
}

// Constructors by mode, one called at run time: a choice, not reported.
var constructors = map[string]func() *zap.Logger{
	"dev":  func() *zap.Logger { return zap.Must(zap.NewDevelopment()) },
	"prod": func() *zap.Logger { return zap.Must(zap.NewProduction()) },
}
