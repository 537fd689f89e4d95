// A controller-runtime manager serves until its signal handler fires.
package main

import ctrl "sigs.k8s.io/controller-runtime"

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		return
	}
	setup(nil)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}

func setup(in []string) []string {
	var out []string // want "SL003"
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
