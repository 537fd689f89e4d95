package controller

import (
	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

type NodeReconciler struct{}

// NewNodeReconciler is how programs register it: the constructor's name counts as a use.
func NewNodeReconciler() *NodeReconciler { return &NodeReconciler{} }

func (r *NodeReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&corev1.Node{}).Complete(r)
}
