package plugins

import (
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

// Registered when the package is initialized: no other file needs to name it.
type PodReconciler struct{}

var Registered []interface{ SetupWithManager(ctrl.Manager) error }

func init() { Registered = append(Registered, &PodReconciler{}) }

func (r *PodReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&corev1.Pod{}).Complete(r)
}
