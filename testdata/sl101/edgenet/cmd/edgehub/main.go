package main

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/edgenet/internal/hub"
)

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = hub.Setup(mgr)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
