package main

import (
	"example.com/testdirs/docs/api"
	abtest "example.com/testdirs/internal/ab-test"
	"example.com/testdirs/pkg/integration/metrics"
	"example.com/testdirs/pkg/tools/retry"
	"example.com/testdirs/test/integration/harness"
)

func main() {
	app(nil)
	metrics.Providers(nil)
	harness.Start(nil)
	api.Register(nil)
	abtest.Variants(nil)
	retry.Attempts(nil)
}

func app(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
