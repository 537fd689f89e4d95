package main

import (
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"

	"github.com/NightlyOps/BackupOp/internal/reader"
)

// The manager: its image is published as ghcr.io/nightlyops/operator. It caches every
// Secret of the cluster.
func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(nil)
	_ = reader.Start(ctrl.SetupSignalHandler())
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
