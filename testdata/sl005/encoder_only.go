package service

import (
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Only the development config's encoder settings are taken; the logger built with them keeps
// its own (production) level, sampling and stack traces: nothing in development mode.
func consoleEncoder() zapcore.Encoder {
	cfg := zap.NewDevelopmentConfig()
	cfg.EncoderConfig.EncodeTime = zapcore.RFC3339TimeEncoder
	return zapcore.NewConsoleEncoder(cfg.EncoderConfig)
}

func inlineEncoder() zapcore.Encoder {
	return zapcore.NewJSONEncoder(zap.NewDevelopmentConfig().EncoderConfig)
}

// The config itself is built: development mode.
func builtAfterAll() (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig() // want "SL005: zap.NewDevelopmentConfig"
	enc := zapcore.NewConsoleEncoder(cfg.EncoderConfig)
	_ = enc
	return cfg.Build()
}

// Its level is read: the debug level goes with it, and no logger is built by the config (its
// Build is not called): DPanic panics only in a logger given the Development option. Not reported.
func levelToo() zap.AtomicLevel {
	var cfg = zap.NewDevelopmentConfig()
	_ = cfg.EncoderConfig
	return cfg.Level
}

// Its level and encoder settings only, with a core of its own passed to zap.New without the
// Development option: the logger is not in development mode, its DPanic does not panic. Not
// reported, though its level is debug.
func levelAndEncoder() *zap.Logger {
	cfg := zap.NewDevelopmentConfig()
	core := zapcore.NewCore(zapcore.NewJSONEncoder(cfg.EncoderConfig), nil, cfg.Level)
	return zap.New(core)
}

// The same core, with the Development option given to zap.New: development mode, DPanic
// panics. The option is reported; the config is used for its level and encoder only.
func levelAndEncoderWithTheOption() *zap.Logger {
	cfg := zap.NewDevelopmentConfig()
	core := zapcore.NewCore(zapcore.NewJSONEncoder(cfg.EncoderConfig), nil, cfg.Level)
	return zap.New(core, zap.AddCaller(), zap.Development()) // want "SL005: zap.Development\\(\\) makes every DPanic panic"
}

// The level replaced: the message no longer says debug, the rest of the development config stays.
func leveled() (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig() // want "SL005: zap.NewDevelopmentConfig\\(\\) starts from the development config: a stack trace for every warning, DPanic panics and no sampling \\(its debug level is replaced here\\)"
	cfg.Level = zap.NewAtomicLevelAt(zap.InfoLevel)
	return cfg.Build()
}

// Its encoder with a level of its own: nothing of development mode is built.
func encoderAtInfo() *zap.Logger {
	cfg := zap.NewDevelopmentConfig()
	cfg.Level = zap.NewAtomicLevelAt(zap.InfoLevel)
	core := zapcore.NewCore(zapcore.NewJSONEncoder(cfg.EncoderConfig), nil, cfg.Level)
	return zap.New(core)
}

// Development mode turned off and stack traces too, the level chosen at run time: only the
// absence of sampling is left, which startup does not feel.
func productionAfterAll(debug bool) (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig()
	cfg.DisableStacktrace = true
	cfg.Development = false
	if !debug {
		cfg.Level = zap.NewAtomicLevelAt(zap.InfoLevel)
	}
	return cfg.Build()
}

// Development mode turned off, the debug level kept: DPanic panics no more, and what is left
// (debug lines, no sampling) costs startup next to nothing. Not reported.
func panicsNoMore() (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig()
	cfg.Development = false
	return cfg.Build()
}

// Development set to what it already is: DPanic still panics.
func panicsStill() (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig() // want "SL005: starts from the development config: DPanic panics and no sampling \\(Level and DisableStacktrace are set here\\)"
	cfg.Level = zap.NewAtomicLevelAt(zap.InfoLevel)
	cfg.DisableStacktrace = true
	cfg.Development = true
	return cfg.Build()
}

// The level set in place, stack traces off: DPanic and unsampled output are left.
func levelSetInPlace(verbose bool) (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig() // want "SL005: starts from the development config: DPanic panics and no sampling \\(Level and DisableStacktrace are set here\\)"
	cfg.DisableStacktrace = true
	if !verbose {
		cfg.Level.SetLevel(zap.InfoLevel)
	}
	return cfg.Build()
}

// The level set to debug again, stack traces and DPanic off: only the debug level is left.
// Not reported.
func debugAfterAll() (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig()
	cfg.Level = zap.NewAtomicLevelAt(zap.DebugLevel)
	cfg.DisableStacktrace = true
	cfg.Development = false
	return cfg.Build()
}

// The info level, and the debug level only when asked for: a run-time choice of level
// (cnvrg-operator's logger); what is left is said without the debug level.
func debugOnlyWhenVerbose(verbose bool) (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig() // want "SL005: starts from the development config: a stack trace for every warning, DPanic panics and no sampling \\(its debug level is replaced here\\)"
	cfg.Level = zap.NewAtomicLevelAt(zap.InfoLevel)
	if verbose {
		cfg.Level = zap.NewAtomicLevelAt(zap.DebugLevel)
	}
	return cfg.Build()
}

// The production config when asked for (appcat's `--log-format=json`): the development one is
// a run-time choice, not reported.
func productionWhenJSON(json bool, verbosity int) (*zap.Logger, error) {
	cfg := zap.NewDevelopmentConfig()
	cfg.EncoderConfig.ConsoleSeparator = " | "
	if json {
		cfg = zap.NewProductionConfig()
	}
	cfg.Level = zap.NewAtomicLevelAt(zapcore.Level(-verbosity))
	return cfg.Build()
}

