package controller

import (
	"context"
	"strings"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"example.com/edgenet/internal/keys"
)

// SecretReconciler keeps every Secret of the cluster in the cache of the program that registers it.
type SecretReconciler struct{ client.Client }

func (r *SecretReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	_, err := keys.Password(ctx, r.Client, req.NamespacedName)
	return ctrl.Result{}, err
}

func (r *SecretReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&corev1.Secret{}).Complete(r)
}

// Register builds the reconciler and registers it: calling it names the reconciler, as its
// signature does not.
func Register(mgr ctrl.Manager) error {
	r := &SecretReconciler{Client: mgr.GetClient()}
	return r.SetupWithManager(mgr)
}

// A helper other reconcilers call: using it does not register this one.
func trimmed(name string) string { return strings.TrimSpace(name) }
