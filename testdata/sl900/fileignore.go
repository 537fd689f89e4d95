//startup-lint:file-ignore SL005 the whole file is a developer tool

package main

import "go.uber.org/zap"

func tool() {
	_, _ = zap.NewDevelopment()
	_ = zap.Config{Development: true}
}
