package controller

import (
	ctrl "sigs.k8s.io/controller-runtime"

	edgev1 "example.com/edgenet/api/v1"
)

type RuleReconciler struct{ Name string }

func (r *RuleReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).Named(trimmed(r.Name)).For(&edgev1.Rule{}).Complete(r)
}
