package service

import "go.uber.org/zap"

// Unit tests call InitMock for a logger and no program does: its name says it sets up a
// fake, so neither it nor the others named so are reported.
func InitMock() *zap.Logger {
	return zap.Must(zap.NewDevelopment())
}

func newFakeLogger() *zap.Logger {
	logger, _ := zap.NewDevelopment()
	return logger
}

func NewHTTPMock() *zap.Logger {
	return zap.Must(zap.NewDevelopment())
}

func LoggerForTests() (*zap.Logger, error) {
	return zap.Config{Development: true}.Build()
}

// pac-quota-controller's logger package: only its tests call InitTest.
func InitTest() *zap.Logger {
	return zap.Must(zap.NewDevelopment())
}

// A name that only begins like one is production code.
func StubbornLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment()) // want "SL005: zap.NewDevelopment"
}

func LatestLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment()) // want "SL005: zap.NewDevelopment"
}

func AttestationLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment()) // want "SL005: zap.NewDevelopment"
}

// Named for development: whoever calls it asks for a development logger by name.
func NewDevelopment() (*zap.Logger, error) {
	return zap.NewDevelopment()
}

func newDevLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment())
}

// Words that only begin like it are production code.
func NewDeviceLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment()) // want "SL005: zap.NewDevelopment"
}

func stdevLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment()) // want "SL005: zap.NewDevelopment"
}

// A name that offers both chooses at run time; it asks for neither by name.
func devOrProdLogger() *zap.Logger {
	return zap.Must(zap.NewDevelopment()) // want "SL005: zap.NewDevelopment"
}
