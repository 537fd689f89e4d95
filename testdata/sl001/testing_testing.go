package settings

import (
	"os"
	"testing"
)

// Production code may ask whether it runs under `go test` (Go 1.21): still linted.
var underTest = testing.Testing()

func init() {
	if underTest {
		return
	}
	data, _ := os.ReadFile("/etc/app/settings.json") // want "SL001: os.ReadFile"
	_ = data
}
