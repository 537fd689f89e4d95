package main

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/edgenet/internal/plugins"
)

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	for _, r := range plugins.Registered {
		_ = r.SetupWithManager(mgr)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
