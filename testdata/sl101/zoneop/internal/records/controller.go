// Package records reconciles Records and reads each one's Secret through the manager's
// client, which caches every Secret of the cluster.
package records

import (
	"context"

	core "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	dnsv1 "github.com/acme/zoneop/api/v1"
)

type reconciler struct{ client client.Client }

func (r *reconciler) Reconcile(ctx context.Context, request ctrl.Request) (ctrl.Result, error) {
	_, err := credentials(ctx, r.client, request.NamespacedName)
	return ctrl.Result{}, err
}

func Setup(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&dnsv1.Record{}).Complete(&reconciler{client: mgr.GetClient()})
}

func credentials(ctx context.Context, c client.Client, key client.ObjectKey) (*core.Secret, error) {
	secret := &core.Secret{}
	return secret, c.Get(ctx, key, secret)
}
