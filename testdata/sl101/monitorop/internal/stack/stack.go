// Package stack installs the metrics stack the operator manages, another project's
// operator among it, from the manifests embedded beside it.
package stack

import _ "embed"

//go:embed assets/deployment.yaml
var metricsOperator []byte

func Install() { _ = metricsOperator }
