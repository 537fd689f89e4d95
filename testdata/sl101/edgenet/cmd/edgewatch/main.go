package main

import (
	"flag"

	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/edgenet/internal/controller"
)

// The watcher registers the Secret reconciler only when --sync-secrets is given, off by
// default: the workload that does not pass it caches no Secrets, whatever another workload of
// the same program passes.
func main() {
	var syncSecrets bool
	flag.BoolVar(&syncSecrets, "sync-secrets", false, "also keep Secrets in step")
	flag.Parse()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = (&controller.RuleReconciler{}).SetupWithManager(mgr)
	if syncSecrets {
		_ = controller.Register(mgr)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
