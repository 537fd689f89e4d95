// Package v1 holds the operator's own kinds; one is named like core's Secret.
package v1

import corev1 "k8s.io/api/core/v1"

type Zone struct {
	Resources corev1.ResourceRequirements
}

type Record struct{}

// Secret is a record's credentials, a kind of this operator (not core's).
type Secret struct{}
