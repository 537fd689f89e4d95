package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	ctrlconfig "sigs.k8s.io/controller-runtime/pkg/client/config"
)

// The mover a backup Job runs, from the same image: another program, whose reads of its
// Node are not the manager's.
func main() {
	c, _ := client.New(ctrlconfig.GetConfigOrDie(), client.Options{})
	var node corev1.Node
	_ = c.Get(context.Background(), client.ObjectKey{Name: "self"}, &node)
}
