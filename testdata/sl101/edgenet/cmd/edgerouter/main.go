package main

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/edgenet/internal/controller"
)

// The router registers every reconciler of the shared package, Secrets' and Nodes' among them.
func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = (&controller.SecretReconciler{}).SetupWithManager(mgr)
	_ = controller.NewNodeReconciler().SetupWithManager(mgr)
	_ = (&controller.RuleReconciler{}).SetupWithManager(mgr)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
