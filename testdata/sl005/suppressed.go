package service

import "go.uber.org/zap"

func cliTool() *zap.Logger {
	//startup-lint:ignore SL005 a local CLI, never deployed
	l, _ := zap.NewDevelopment()
	return l
}

func cliTool2() *zap.Logger {
	l, _ := zap.NewDevelopment() //startup-lint:ignore SL005 a local CLI, never deployed
	return l
}
