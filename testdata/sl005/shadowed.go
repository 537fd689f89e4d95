package service

import "go.uber.org/zap"

type factory struct{}

func (factory) NewDevelopment() (*zap.Logger, error) { return nil, nil }

// A local variable named zap hides the import; methods named like zap's are not zap's.
func shadowed() {
	zap := factory{}
	zap.NewDevelopment()
}

func method(f factory) {
	f.NewDevelopment()
}

func param(zap factory) {
	zap.NewDevelopment()
}
