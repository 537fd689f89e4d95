package hub

import (
	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/edgenet/internal/controller"
)

// Setup is reached from main: the Secret reconciler it registers is registered, though main never names it.
func Setup(mgr ctrl.Manager) error {
	return controller.Register(mgr)
}
