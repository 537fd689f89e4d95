package main

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/edgenet/internal/controller"
)

// The gateway imports the same package but registers only its custom resource's reconciler:
// the Secret and Node reconcilers are never built here, so its cache holds no Secrets.
func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = (&controller.RuleReconciler{}).SetupWithManager(mgr)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
