package main

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"github.com/acme/zoneop/internal/zones"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		panic(err)
	}
	if err := zones.Setup(mgr); err != nil {
		panic(err)
	}
}
