"""Kubernetes manifests: YAML loaded with positions, workloads and their containers, which
containers run Go, memory quantities in Kubernetes' and Go's syntax (SL101-SL105)."""
