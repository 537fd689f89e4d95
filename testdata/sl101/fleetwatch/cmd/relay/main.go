package main

import (
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

// The relay caches every Secret of the cluster.
func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(nil)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
